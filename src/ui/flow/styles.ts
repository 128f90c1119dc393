import { css } from 'lit';
import { visuallyHidden } from '../shared/visually-hidden.ts';

export const flowStyles = [
  visuallyHidden,
  css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
      height: 100%;
      font-size: 13px;
      color: var(--ink, #1d2330);
      background: var(--paper, #fbfaf7);
      position: relative;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      align-items: center;
      padding: 6px 8px;
      border-bottom: 1px solid var(--line, #d9d6ce);
    }
    .bar .group {
      display: inline-flex;
      gap: 2px;
      align-items: center;
    }
    .bar .sep {
      flex: 1;
    }
    button,
    select {
      font: inherit;
      font-size: 13px;
      color: inherit;
      background: #fff;
      border: 1px solid var(--line, #d9d6ce);
      border-radius: 4px;
      padding: 3px 9px;
      min-height: 28px;
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      background: #ece6dc;
      border-color: #8c8372;
    }
    :focus-visible {
      outline: 2px solid var(--focus, #2c6fb7);
      outline-offset: 1px;
    }
    .scroller {
      flex: 1;
      min-height: 0;
      overflow: auto;
      position: relative;
      overscroll-behavior: contain;
    }
    .grid {
      display: grid;
      position: relative;
    }
    .corner,
    .axis,
    .gutter {
      background: var(--paper, #fbfaf7);
    }
    .corner {
      position: sticky;
      top: 0;
      left: 0;
      z-index: 3;
      border-right: 1px solid var(--line, #d9d6ce);
    }
    .axis {
      position: sticky;
      top: 0;
      z-index: 2;
    }
    .gutter {
      position: sticky;
      left: 0;
      z-index: 1;
      border-right: 1px solid var(--line, #d9d6ce);
    }
    svg {
      display: block;
      overflow: visible;
    }
    .row .hit {
      cursor: pointer;
    }
    .row:focus {
      outline: none;
    }
    .row:focus-visible .hit,
    .event:focus-visible .hit {
      stroke: var(--focus, #2c6fb7);
      stroke-width: 2;
    }
    .event {
      cursor: pointer;
    }
    .event:focus {
      outline: none;
    }
    .handle {
      cursor: ew-resize;
    }
    .handle:focus {
      outline: none;
    }
    .handle:focus-visible circle {
      stroke: var(--focus, #2c6fb7);
      stroke-width: 3;
    }
    .dateline {
      cursor: ew-resize;
    }
    .tip {
      position: absolute;
      z-index: 5;
      max-width: 420px;
      padding: 6px 9px;
      background: #1d2330;
      color: #fff;
      font-size: 12px;
      line-height: 1.35;
      border-radius: 4px;
      pointer-events: none;
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
    }
    .table-wrap {
      flex: 1;
      min-height: 0;
      overflow: auto;
      padding: 0 8px 8px;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 13px;
    }
    caption {
      text-align: left;
      padding: 8px 0;
      font-weight: 600;
    }
    th,
    td {
      text-align: left;
      vertical-align: top;
      padding: 4px 8px;
      border-bottom: 1px solid var(--line, #d9d6ce);
    }
    thead th {
      position: sticky;
      top: 0;
      background: var(--paper, #fbfaf7);
    }
    .muted {
      color: var(--muted, #5b6475);
    }
    .empty {
      padding: 16px;
    }
    @media (prefers-reduced-motion: reduce) {
      * {
        scroll-behavior: auto !important;
      }
    }
  `,
];
