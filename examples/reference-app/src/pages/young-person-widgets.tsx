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
  // The installed app and the outbox (issue 15): the connection, a check-in kept on this phone, a new version.
  offline: 'You are offline. You can still read your plan and do a check-in: it will send when you are back online.',
  backOnline: 'You are back online.',
  savedOffline: 'Saved on this phone. Your check-in will send when you are online.',
  outboxSent: 'What you saved on this phone has been sent.',
  outboxWaiting: 'Saved on this phone, will send when you are online: {n}.',
  outboxRefusedTitle: 'A check-in saved on this phone was not accepted',
  outboxRefused: 'Your answers are back in the form. Check them and send it again.',
  updateReady: 'A new version of Onward is ready.',
  updateUse: 'Use the new version',
  unsentTitle: 'Something you saved on this phone has not been sent yet',
  unsentSignOut:
    'If you sign out now, it will be deleted from this phone. Go online first and wait until it says it has been sent.',
  signOutAnyway: 'Sign out and delete it',
  staySignedIn: 'Stay signed in',
  offlineSignOut: 'You need to be online to sign out. Nothing has been deleted.',
  offlineTitle: 'You are offline',
  offlineBody: 'This page is not saved on this phone yet. These pages open without a connection:',
  // The checklist kept on this phone (issue 15).
  answersSavedOffline: 'Saved on this phone. Your answers will send when you are online.',
  answersSent: 'Your answers saved on this phone have been sent. Your personal adviser can see them.',
  answersRefusedTitle: 'Your answers saved on this phone were not accepted',
  chooseWaiting: 'Some of your answers need you to choose which one is right.',
  chooseGo: 'Choose your answers',
  chooseTitle: 'Choose which answers are right',
  chooseIntro:
    'While your answers were on this phone, someone else changed {n} of the same answers. For each one, choose the answer that is right. Until you choose, we keep the one that is saved.',
  chooseMine: 'What you said on this phone: {a}',
  chooseSaved: 'What is saved now: {a}',
  chooseSave: 'Save my choices',
  chooseSaved1: 'Thank you. Your choices are saved.',
  answerNone: 'No answer',
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
  offline: 'You are offline. You can still read your plan and check in. We will send it when you are online.',
  backOnline: 'You are online again.',
  savedOffline: 'Saved on this phone. We will send it when you are online.',
  outboxSent: 'We sent what you saved on this phone.',
  outboxWaiting: 'Saved on this phone. We will send it when you are online: {n}.',
  outboxRefusedTitle: 'We could not send a check-in',
  outboxRefused: 'Your answers are back in the form. Check them. Send it again.',
  updateReady: 'There is a new version of Onward.',
  updateUse: 'Use the new version',
  unsentTitle: 'Something on this phone is not sent yet',
  unsentSignOut: 'If you sign out now, we will delete it from this phone. Go online first. Wait until it says sent.',
  signOutAnyway: 'Sign out and delete it',
  staySignedIn: 'Stay signed in',
  offlineSignOut: 'You need to be online to sign out. We did not delete anything.',
  offlineTitle: 'You are offline',
  offlineBody: 'This page is not on this phone yet. You can open these pages with no internet:',
  answersSavedOffline: 'Saved on this phone. We will send your answers when you are online.',
  answersSent: 'We sent your answers. Your worker can see them.',
  answersRefusedTitle: 'We could not send your answers',
  chooseWaiting: 'Some answers need you to choose.',
  chooseGo: 'Choose your answers',
  chooseTitle: 'Choose the right answers',
  chooseIntro:
    'Someone else changed {n} of the same answers as you. Choose the right answer for each one. Until you choose, we keep the saved one.',
  chooseMine: 'What you said on this phone: {a}',
  chooseSaved: 'What is saved now: {a}',
  chooseSave: 'Save my choices',
  chooseSaved1: 'Thank you. We saved your choices.',
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
  offline:
    'Rydych chi all-lein. Gallwch chi ddal i ddarllen eich cynllun a gwneud gwiriad: bydd yn cael ei anfon pan fyddwch chi ar-lein eto.',
  backOnline: 'Rydych chi ar-lein eto.',
  savedOffline: 'Wedi’i gadw ar y ffôn hwn. Bydd eich gwiriad yn cael ei anfon pan fyddwch chi ar-lein.',
  outboxSent: 'Mae’r hyn a gadwoch chi ar y ffôn hwn wedi’i anfon.',
  outboxWaiting: 'Wedi’u cadw ar y ffôn hwn, i’w hanfon pan fyddwch chi ar-lein: {n}.',
  outboxRefusedTitle: 'Chafodd gwiriad a gadwyd ar y ffôn hwn mo’i dderbyn',
  outboxRefused: 'Mae eich atebion yn ôl yn y ffurflen. Gwiriwch nhw a’i anfon eto.',
  updateReady: 'Mae fersiwn newydd o Onward yn barod.',
  updateUse: 'Defnyddio’r fersiwn newydd',
  unsentTitle: 'Dydy rhywbeth a gadwoch chi ar y ffôn hwn ddim wedi’i anfon eto',
  unsentSignOut:
    'Os byddwch chi’n allgofnodi nawr, bydd yn cael ei ddileu o’r ffôn hwn. Ewch ar-lein yn gyntaf ac arhoswch nes ei fod yn dweud ei fod wedi’i anfon.',
  signOutAnyway: 'Allgofnodi a’i ddileu',
  staySignedIn: 'Aros wedi mewngofnodi',
  offlineSignOut: 'Mae angen i chi fod ar-lein i allgofnodi. Does dim byd wedi’i ddileu.',
  offlineTitle: 'Rydych chi all-lein',
  offlineBody: 'Dydy’r dudalen hon ddim wedi’i chadw ar y ffôn hwn eto. Mae’r tudalennau hyn yn agor heb gysylltiad:',
  answersSavedOffline: 'Wedi’u cadw ar y ffôn hwn. Bydd eich atebion yn cael eu hanfon pan fyddwch chi ar-lein.',
  answersSent:
    'Mae’r atebion a gadwoch chi ar y ffôn hwn wedi’u hanfon. Mae eich cynghorydd personol yn gallu eu gweld.',
  answersRefusedTitle: 'Chafodd yr atebion a gadwoch chi ar y ffôn hwn mo’u derbyn',
  chooseWaiting: 'Mae angen i chi ddewis pa un sy’n iawn ar gyfer rhai o’ch atebion.',
  chooseGo: 'Dewis eich atebion',
  chooseTitle: 'Dewiswch pa atebion sy’n iawn',
  chooseIntro:
    'Tra oedd eich atebion ar y ffôn hwn, newidiodd rhywun arall {n} o’r un atebion. Ar gyfer pob un, dewiswch yr ateb sy’n iawn. Nes i chi ddewis, rydyn ni’n cadw’r un sydd wedi’i gadw.',
  chooseMine: 'Beth ddywedoch chi ar y ffôn hwn: {a}',
  chooseSaved: 'Beth sydd wedi’i gadw nawr: {a}',
  chooseSave: 'Cadw fy newisiadau',
  chooseSaved1: 'Diolch. Mae eich dewisiadau wedi’u cadw.',
  answerNone: 'Dim ateb',
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
