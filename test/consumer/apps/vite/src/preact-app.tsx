// The Preact component in the app's own Preact tree, in Welsh, with the stylesheet from the package.
import '@onward/widgets/onward.css';
import { type AnyChecklist, validateChecklist } from '@onward/engine';
import { Checklist, memoryStorage } from '@onward/widgets';
import { render } from 'preact';
import { useState } from 'preact/hooks';

function App() {
  const [count, setCount] = useState(0);
  return (
    <>
      <Checklist
        locale="cy"
        storageKey="yp-2"
        storage={memoryStorage()}
        onEvent={(type, detail) => {
          if (type !== 'onward-change') return;
          const doc = (detail as { value?: { checklist?: AnyChecklist } }).value?.checklist;
          if (doc && validateChecklist(doc).ok) setCount((n) => n + 1);
        }}
      />
      <p id="valid-changes">{count}</p>
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
