import { sourceStyles } from '../shared/sources.ts';
import { css } from 'lit';
import { panelBase } from '../shared/panel-styles.ts';

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
      color: var(--text);
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
    th[scope='row'] {
      vertical-align: top;
    }
    td .value {
      white-space: nowrap;
    }
    .fig {
      display: block;
    }
    .fig.several + .fig.several {
      border-top: 1px dotted #e2ddd3;
      padding-top: 2px;
    }
    .claims li,
    li.post {
      margin-bottom: 0.35rem;
    }
    .fignote {
      font-size: 0.7rem;
      color: var(--muted, #5b6475);
      border-bottom: 1px dotted currentColor;
      cursor: help;
    }
    .placement {
      margin-top: 0.2rem;
    }
    button.person {
      font-weight: 600;
    }
    ul.attributes {
      font-size: 0.8rem;
      color: #3b4252;
      margin: 0.1rem 0 0 0.8rem;
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
