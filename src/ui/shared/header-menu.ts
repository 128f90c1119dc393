/**
 * What the header's menus (Present, Export, Yours) share: an `open` state, closing on a click
 * outside, and Escape closing the menu and giving the focus back to its button.
 */
import { LitElement, type PropertyDeclarations } from 'lit';

export class HeaderMenu extends LitElement {
  static properties: PropertyDeclarations = { open: { type: Boolean, reflect: true } };
  declare open: boolean;

  /** The button that opens the menu; the focus returns to it when Escape closes the menu. */
  protected toggleSelector = '.toggle';

  constructor() {
    super();
    this.open = false;
  }

  connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.onOutside);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onOutside);
  }

  private onOutside = (e: Event) => {
    if (this.open && !e.composedPath().includes(this)) this.close(false);
  };

  /** Closes the menu, giving the focus back to its button unless `focus` is false. */
  protected close(focus = true): void {
    this.open = false;
    this.closed();
    if (focus) void this.updateComplete.then(() => (this.renderRoot.querySelector(this.toggleSelector) as HTMLElement | null)?.focus());
  }

  /** Called whenever the menu closes: a menu resets its own passing state here. */
  protected closed(): void {}

  /** For the menu's `@keydown`: Escape closes it. */
  protected onMenuKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.open) {
      e.preventDefault();
      e.stopPropagation();
      this.close();
    }
  };
}
