import { css } from 'lit';

export const outlineStyles = css`
  :host {
    display: block;
    min-height: 0;
    font-size: 0.86rem;
  }
  .scroller {
    height: 100%;
    overflow: auto;
    position: relative;
  }
  [role='tree'] {
    position: relative;
    outline: none;
  }
  [role='treeitem'] {
    position: absolute;
    left: 0;
    right: 0;
    height: 30px;
    display: flex;
    align-items: center;
    gap: 6px;
    white-space: nowrap;
    cursor: pointer;
    border-radius: 5px;
    box-sizing: border-box;
    padding-right: 8px;
    contain: strict;
  }
  [role='treeitem']:hover {
    background: #f1eee8;
  }
  [role='treeitem'][aria-selected='true'] {
    background: #e9e3f0;
    box-shadow: inset 3px 0 0 var(--ink, #1d2330);
    font-weight: 600;
  }
  [role='treeitem']:focus-visible {
    outline: 2.5px solid var(--focus, #2c6fb7);
    outline-offset: -2.5px;
  }
  .twisty {
    width: 14px;
    flex: none;
    text-align: center;
    color: var(--muted, #5b6475);
    font-size: 0.75rem;
  }
  .swatch {
    width: 10px;
    height: 10px;
    border: 1.5px solid;
    border-radius: 3px;
    flex: none;
  }
  .name {
    flex: 0 1 auto;
    min-width: 2em;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .name.vague {
    font-style: italic;
  }
  .meta {
    color: var(--muted, #5b6475);
    font-size: 0.76rem;
    font-weight: 400;
    overflow: hidden;
    text-overflow: ellipsis;
    flex: 0 100 auto;
    min-width: 0;
  }
  .tag {
    flex: none;
    font-size: 0.68rem;
    padding: 0 5px;
    border-radius: 3px;
    font-weight: 600;
  }
  .tag.added { background: #dff1e5; color: #1b6b3c; }
  .tag.removed { background: #f7e1e1; color: #8f2a2a; }
  .tag.reparented { background: #e0ebf7; color: #24588f; }
  .tag.renamed { background: #ece4f5; color: #5c3a8a; }
  .empty {
    color: var(--muted, #5b6475);
    padding: 1rem;
  }
`;
