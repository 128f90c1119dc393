import { visuallyHidden } from '../shared/visually-hidden.ts';
import { css } from 'lit';

export const chartStyles = [
  visuallyHidden,
  css`
  :host {
    display: block;
    position: relative;
    min-height: 240px;
    background:
      radial-gradient(circle at 1px 1px, rgb(29 35 48 / 0.07) 1px, transparent 0) 0 0 / 22px 22px,
      var(--paper, #fbfaf7);
  }
  #cy {
    position: absolute;
    inset: 0;
  }
  /* The first picture lies over the canvas until Cytoscape has drawn the same chart; the canvas keeps focus and pointer. */
  .picture {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    pointer-events: none;
  }
  .failure {
    position: absolute;
    top: 12px;
    left: 12px;
    right: 12px;
    z-index: 3;
    margin: 0;
    padding: 8px 12px;
    background: #fff;
    border: 1px solid #b23a3a;
    border-radius: 6px;
  }
  #cy:focus-visible {
    outline: 2.5px solid var(--focus, #2c6fb7);
    outline-offset: -3px;
  }
  .tip {
    position: absolute;
    transform: translate(-50%, -100%);
    max-width: 22rem;
    background: var(--ink, #1d2330);
    color: #fff;
    font-size: 0.8rem;
    line-height: 1.35;
    padding: 5px 9px;
    border-radius: 6px;
    pointer-events: none;
    z-index: 4;
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.18);
  }
  .tip strong {
    display: block;
    font-weight: 600;
  }
  .tip span {
    opacity: 0.8;
  }
  .overview {
    position: absolute;
    right: 12px;
    bottom: 12px;
    z-index: 2;
    background: #fff;
    border: 1px solid #c9c3b8;
    border-radius: 6px;
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.08);
    cursor: pointer;
  }
  .overview[hidden] {
    display: none;
  }
  /* On a phone it would cover much of the chart; the outline below gives the whole. */
  @media (max-width: 700px) {
    .overview {
      display: none;
    }
  }
  .tools {
    position: absolute;
    right: 12px;
    top: 12px;
    display: flex;
    gap: 4px;
    z-index: 2;
  }
  button {
    font: inherit;
    font-size: 0.85rem;
    min-width: 2rem;
    height: 2rem;
    padding: 0 0.55rem;
    border: 1px solid var(--line, #d9d6ce);
    border-radius: 6px;
    background: #fff;
    color: var(--ink, #1d2330);
    cursor: pointer;
    box-shadow: 0 1px 2px rgb(0 0 0 / 0.06);
  }
  button:hover {
    background: #f3f1ec;
  }
  button:focus-visible {
    outline: 2.5px solid var(--focus, #2c6fb7);
    outline-offset: 2px;
  }
`,
];
