// Smiley faces for the check-in, drawn as SVG. They are decoration: each choice's name is its visible text label.
export type Mood = 'good' | 'ok' | 'bad';

const mouths: Record<Mood, string> = {
  good: 'M13 26 Q20 33 27 26',
  ok: 'M13 27 L27 27',
  bad: 'M13 30 Q20 23 27 30',
};

export function Smiley({ mood }: { mood: Mood }) {
  return (
    <svg class="o-face" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <circle cx="20" cy="20" r="17" fill="none" stroke="currentColor" stroke-width="2.5" />
      <circle cx="14" cy="16" r="2.2" fill="currentColor" />
      <circle cx="26" cy="16" r="2.2" fill="currentColor" />
      <path d={mouths[mood]} fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
    </svg>
  );
}
