import { css } from 'lit';

/** The look the header's menus share (Export, Yours), as the Present menu has it. */
export const menuStyles = css`
  :host {
    display: block;
    position: relative;
    font-size: 0.9rem;
  }
  button,
  select {
    font: inherit;
    color: var(--ink, #1d2330);
  }
  button {
    cursor: pointer;
  }
  .toggle {
    padding: 4px 12px;
    border-radius: 7px;
    border: 1px solid var(--line, #d9d6ce);
    background: #fff;
  }
  .toggle:hover {
    background: #f3f1ec;
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible {
    outline: 2.5px solid var(--focus, #2c6fb7);
    outline-offset: 2px;
  }
  .menu {
    position: absolute;
    z-index: 40;
    top: calc(100% + 6px);
    right: 0;
    width: 25rem;
    max-width: 92vw;
    background: #fff;
    border: 1px solid var(--line, #d9d6ce);
    border-radius: 10px;
    box-shadow: 0 10px 30px rgb(0 0 0 / 0.14);
    padding: 0.6rem 0.8rem;
  }
  h2 {
    font-size: 0.8rem;
    text-transform: uppercase;
    letter-spacing: 0.05em;
    color: var(--muted, #5b6475);
    margin: 0.4rem 0 0.3rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem 0.6rem;
    margin: 0.3rem 0;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
  }
  .act {
    padding: 3px 10px;
    border-radius: 6px;
    border: 1px solid #9fb4cc;
    background: #eef3f9;
  }
  .act:hover {
    background: #dfe9f4;
  }
  .danger {
    border-color: #d3a39c;
    background: #fbf0ee;
    color: #8a2a22;
  }
  .muted,
  .note {
    color: var(--muted, #5b6475);
    font-size: 0.82rem;
    margin: 0.3rem 0;
  }
  .note[role='status']:empty {
    display: none;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    max-height: 40vh;
    overflow: auto;
  }
  li {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.35rem 0;
    border-bottom: 1px solid #eeece6;
  }
  li .what {
    flex: 1;
    min-width: 0;
  }
  li .t {
    display: block;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  li .f {
    display: block;
    font-size: 0.8rem;
    color: var(--muted, #5b6475);
    overflow-wrap: anywhere;
  }
  hr {
    border: 0;
    border-top: 1px solid #eeece6;
    margin: 0.5rem 0;
  }
`;
