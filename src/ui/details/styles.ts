import { sourceStyles } from '../shared/sources.ts';
import { css } from 'lit';

export const panelBase = css`
  :host {
    display: block;
    font-size: 0.88rem;
    line-height: 1.45;
    color: var(--ink, #1d2330);
  }
  h2 {
    font-size: 1.15rem;
    margin: 0.2rem 0 0.4rem;
    line-height: 1.25;
  }
  h3 {
    font-size: 0.72rem;
    text-transform: uppercase;
    letter-spacing: 0.08em;
    color: var(--muted, #5b6475);
    margin: 1rem 0 0.35rem;
    font-weight: 600;
  }
  ul.plain,
  ol.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.plain li {
    margin: 0.15rem 0;
  }
  .when,
  .muted,
  .hint {
    color: var(--muted, #5b6475);
    font-size: 0.82rem;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  button.link {
    border: none;
    background: none;
    padding: 0;
    color: #24588f;
    text-decoration: underline;
    text-decoration-color: #b9c9dc;
    text-underline-offset: 2px;
    text-align: left;
  }
  button.link:hover {
    text-decoration-color: currentColor;
  }
  button:focus-visible {
    outline: 2.5px solid var(--focus, #2c6fb7);
    outline-offset: 2px;
    border-radius: 3px;
  }
`;

export const detailsStyles = [
  sourceStyles,
  panelBase,
  css`
    header .type {
      display: inline-block;
      font-size: 0.75rem;
      padding: 1px 8px;
      border-radius: 999px;
      background: var(--fill);
      border: 1px solid var(--border);
    }
    .badge {
      margin: 0.3rem 0;
      font-size: 0.8rem;
      padding: 3px 8px;
      border-radius: 5px;
    }
    .badge.vague {
      border: 1.5px dashed #8c8372;
    }
    .badge.absent {
      background: #f6e7e7;
    }
    .badge.counted {
      background: #eef3ea;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      margin-top: 0.5rem;
    }
    .actions button {
      border: 1px solid var(--line, #d9d6ce);
      background: #fff;
      border-radius: 6px;
      padding: 4px 10px;
      font-size: 0.82rem;
    }
    .actions button.primary {
      background: var(--ink, #1d2330);
      color: #fff;
      border-color: var(--ink, #1d2330);
    }
    ol.chain {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    ol.chain li + li::before {
      content: '↳ ';
      color: var(--muted, #5b6475);
    }
    ol.chain li:nth-child(2) { padding-left: 0.8rem; }
    ol.chain li:nth-child(3) { padding-left: 1.6rem; }
    ol.chain li:nth-child(n + 4) { padding-left: 2.4rem; }
    ul.kids {
      margin: 0;
      padding-left: 1.1rem;
      max-height: 12rem;
      overflow: auto;
    }
    .aliases,
    .note {
      color: var(--muted, #5b6475);
      font-size: 0.82rem;
    }
    figure.measure {
      margin: 0 0 0.8rem;
    }
    figcaption {
      font-weight: 600;
      font-size: 0.82rem;
    }
    .figchart {
      width: 100%;
      max-width: 340px;
      height: auto;
      display: block;
    }
    .figchart .axis {
      font-size: 9px;
      fill: #6b7280;
    }
    table {
      border-collapse: collapse;
      font-size: 0.8rem;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 2px 6px 2px 0;
      vertical-align: top;
      font-weight: 400;
    }
    td {
      font-variant-numeric: tabular-nums;
    }
    th[scope='row'] {
      white-space: nowrap;
      color: var(--muted, #5b6475);
    }
    td:not(.src) {
      white-space: nowrap;
    }
    td.src {
      color: var(--muted, #5b6475);
      font-size: 0.75rem;
    }
    tr.conflict td:first-of-type {
      font-weight: 600;
    }
    .warn {
      display: block;
      width: fit-content;
      margin-left: 4px;
      font-size: 0.7rem;
      color: #8a5311;
      background: #fbeed9;
      padding: 0 5px;
      border-radius: 3px;
    }
    .cond {
      display: block;
      font-size: 0.7rem;
      color: var(--muted, #5b6475);
    }
    .sep {
      color: #c7791b;
      font-weight: 700;
    }
    .sub {
      margin: 0.3rem 0 0.1rem;
      font-size: 0.8rem;
      color: var(--muted, #5b6475);
    }
  `,
];
