// What the young person's pages add around the widgets: the messages the page scripts show (rendered by the
// server into data-msg-* attributes, so they are in the visitor's language and wording) and the message areas.
// The Welsh is a draft awaiting review by Welsh speakers, like the rest of the app's Welsh.
import type { Prefs } from '../i18n.js';

const en = {
  network: 'We could not reach Onward. Check you are online.',
  notSavedTitle: 'Your answers are not saved yet',
  notSaved:
    'What you typed is kept on this device and we will keep trying. Do not close this page until it says “Saved”.',
  savedNow: 'Saved. Your answers are safe now.',
  sent: 'Thank you. Your answers are saved and your personal adviser can see them.',
  readOnly:
    'Your checklist cannot be changed now, because your plan is with a manager or finished. You can still read it.',
  bothChangedTitle: 'Check some of your answers',
  bothChanged:
    'Your personal adviser changed some of the same answers as you at the same time ({n}), so we kept their answers. Check them and change any that are not right.',
  youWrote: 'You wrote:',
  sending: 'Sending your check-in…',
  checkInSent: 'Thank you. Your check-in has been sent.',
  helpSent: 'Your personal adviser has been told you would like help.',
  notSentTitle: 'Your check-in was not sent',
  notSent: 'Your answers are still here. Try sending it again.',
  another: 'Do another check-in',
  signing: 'Signing…',
  signed: 'Thank you. You have signed your Living Together Agreement.',
  notSignedTitle: 'You have not signed yet',
};
type WidgetStrings = typeof en;

const easy: WidgetStrings = {
  ...en,
  network: 'We could not reach Onward. Are you online?',
  notSavedTitle: 'Not saved yet',
  notSaved: 'Your words are safe on this phone. We will keep trying. Keep this page open until it says “Saved”.',
  savedNow: 'Saved. Your answers are safe now.',
  sent: 'Thank you. We saved your answers. Your worker can see them.',
  readOnly: 'You cannot change your answers now. Your plan is being checked or it is finished. You can still read it.',
  bothChangedTitle: 'Check your answers',
  bothChanged:
    'Your worker changed some answers at the same time as you ({n}). We kept their answers. Check them. Change them if they are wrong.',
  youWrote: 'You wrote:',
  sending: 'Sending…',
  checkInSent: 'Thank you. We got your answers.',
  helpSent: 'We told your worker you want help.',
  notSentTitle: 'We could not send it',
  notSent: 'Your answers are still here. Try again.',
  another: 'Check in again',
  signed: 'Thank you. You signed your agreement.',
  notSignedTitle: 'You have not signed yet',
};

const cy: WidgetStrings = {
  network: 'Doedden ni ddim yn gallu cysylltu ag Onward. Gwnewch yn siŵr eich bod ar-lein.',
  notSavedTitle: 'Dydy eich atebion ddim wedi’u cadw eto',
  notSaved:
    'Mae’r hyn a deipioch chi’n cael ei gadw ar y ddyfais hon a byddwn yn dal i geisio. Peidiwch â chau’r dudalen hon nes ei bod yn dweud “Wedi’i gadw”.',
  savedNow: 'Wedi’i gadw. Mae eich atebion yn ddiogel nawr.',
  sent: 'Diolch. Mae eich atebion wedi’u cadw ac mae eich cynghorydd personol yn gallu eu gweld.',
  readOnly:
    'Does dim modd newid eich rhestr wirio nawr, gan fod eich cynllun gyda rheolwr neu wedi’i orffen. Gallwch ei darllen o hyd.',
  bothChangedTitle: 'Gwiriwch rai o’ch atebion',
  bothChanged:
    'Newidiodd eich cynghorydd personol rai o’r un atebion â chi ar yr un pryd ({n}), felly rydyn ni wedi cadw eu hatebion nhw. Gwiriwch nhw a newidiwch unrhyw rai sydd ddim yn iawn.',
  youWrote: 'Fe ysgrifennoch chi:',
  sending: 'Wrthi’n anfon eich gwiriad…',
  checkInSent: 'Diolch. Mae eich neges wedi’i hanfon.',
  helpSent: 'Rydyn ni wedi dweud wrth eich cynghorydd personol yr hoffech chi gael help.',
  notSentTitle: 'Chafodd eich gwiriad mo’i anfon',
  notSent: 'Mae eich atebion yma o hyd. Rhowch gynnig arall ar ei anfon.',
  another: 'Gwneud gwiriad arall',
  signing: 'Wrthi’n llofnodi…',
  signed: 'Diolch. Rydych chi wedi llofnodi eich Cytundeb Byw Gyda’n Gilydd.',
  notSignedTitle: 'Dydych chi ddim wedi llofnodi eto',
};

export function widgetStrings(p: Prefs): WidgetStrings {
  return p.lang === 'cy' ? cy : p.easy ? easy : en;
}

/** data-msg-* attributes for a widget host: each named message, in the visitor's language and wording. */
export function messageData(p: Prefs, names: (keyof WidgetStrings)[]): Record<string, string> {
  const s = widgetStrings(p);
  const out: Record<string, string> = {};
  for (const n of names) out[`data-msg-${n.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`] = s[n];
  return out;
}

/** Where the page scripts put their messages: a polite status line, and an alert that can take focus. */
export function WidgetMessages() {
  return (
    <div class="widget-messages">
      <div data-widget-status="" role="status" tabindex={-1} />
      <div data-widget-alert="" role="alert" tabindex={-1} />
    </div>
  );
}
