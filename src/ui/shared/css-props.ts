/**
 * `style=${cssProps({ left: '10px', '--fill': colour })}`: Lit's styleMap, but always through the
 * CSSOM (`element.style`), never the `style` attribute. styleMap writes the attribute on its first
 * render, which a strict Content-Security-Policy refuses (lit/lit#4719); setting properties is allowed.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

type Props = Readonly<Record<string, string | number | undefined | null>>;

const dashed = (name: string) => (name.includes('-') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));

class CssProps extends Directive {
  /** What each property was last set to: an unchanged one is not set again (each set restyles). */
  private previous = new Map<string, string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style') throw new Error('cssProps belongs in a style attribute binding');
  }

  render(_props: Props): unknown {
    return noChange;
  }

  update(part: AttributePart, [props]: [Props]): unknown {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous.keys()) {
      if (props[name] == null) {
        style.removeProperty(dashed(name));
        this.previous.delete(name);
      }
    }
    for (const name in props) {
      const value = props[name];
      if (value == null || this.previous.get(name) === String(value)) continue;
      style.setProperty(dashed(name), String(value));
      this.previous.set(name, String(value));
    }
    return noChange;
  }
}

export const cssProps = directive(CssProps);
