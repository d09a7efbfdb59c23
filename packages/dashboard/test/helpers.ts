// Render with the dashboard's own copy of Preact (the one its source resolves to), so that hooks and signals work
// whichever build of Preact a test library was resolved to; screen/within/fireEvent only touch the DOM.
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';

const mounted: HTMLElement[] = [];

export function mount(vnode: ComponentChild): { container: HTMLElement } {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  act(() => {
    render(vnode, container);
  });
  return { container };
}

/** Let Preact re-render after an event. */
export async function flush(): Promise<void> {
  await act(async () => {});
}

export function unmountAll(): void {
  for (const c of mounted.splice(0)) {
    render(null, c);
    c.remove();
  }
}
