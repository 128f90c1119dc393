/** The header's styles (./header.ts): the graph picker, the crumbs, the file link, and the room of the menus and search that load later. Part of the shell's styles (./styles.ts). */
import { css } from 'lit';

export const headerStyles = css`
  header {
    display: flex;
    align-items: center;
    gap: 1rem;
    padding: 0.5rem 1rem;
    border-bottom: 1px solid var(--line, #d9d6ce);
    background: #fff;
    flex-wrap: wrap;
  }
  .brand {
    font-weight: 700;
    letter-spacing: 0.02em;
    display: flex;
    align-items: center;
    gap: 8px;
    font-size: 1.05rem;
  }
  .brand .mark {
    width: 14px;
    height: 14px;
    border-radius: 3px;
    background: #8a3a44;
    box-shadow: 5px 5px 0 -1px #dde7f1, 5px 5px 0 0 #3d6791;
  }
  header select {
    font: inherit;
    padding: 5px 8px;
    border: 1px solid var(--line, #d9d6ce);
    border-radius: 7px;
    background: #fff;
    max-width: 26rem;
  }
  apparat-search {
    margin-left: 0;
  }
  /* The menus and the search load after the first chart (../lazy.ts): their room is kept from the
     start, at the size they take, so that the chart does not move down when they come. */
  apparat-editor:not(:defined),
  apparat-export-menu:not(:defined),
  apparat-present-menu:not(:defined),
  apparat-story-builder:not(:defined),
  apparat-search:not(:defined) {
    display: inline-block;
    height: 28px;
  }
  apparat-editor:not(:defined) {
    width: 80px;
  }
  apparat-export-menu:not(:defined) {
    width: 85px;
  }
  apparat-present-menu:not(:defined) {
    width: 105px;
  }
  apparat-story-builder:not(:defined) {
    width: 293px;
  }
  apparat-search:not(:defined) {
    width: 343px;
    height: 30px;
  }
  .open-file {
    margin-left: auto;
    position: relative;
    font-size: 0.85rem;
    color: #24588f;
    cursor: pointer;
  }
  .open-file input {
    position: absolute;
    opacity: 0;
    width: 1px;
    height: 1px;
  }
  .open-file:focus-within span {
    outline: 2.5px solid var(--focus, #2c6fb7);
    outline-offset: 2px;
    border-radius: 3px;
  }
  .open-file span {
    text-decoration: underline;
    text-decoration-color: #b9c9dc;
    text-underline-offset: 2px;
  }
  .crumbs ol {
    display: flex;
    list-style: none;
    margin: 0;
    padding: 0;
    gap: 0.3rem;
    font-size: 0.9rem;
  }
  .crumbs li + li::before {
    content: '›';
    margin-right: 0.3rem;
    color: var(--muted, #5b6475);
  }
  .crumbs [aria-current] {
    font-weight: 600;
  }
  @media (max-width: 700px) {
    header {
      gap: 0.5rem;
    }
  }
`;
