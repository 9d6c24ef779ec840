import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }
  :host([theme='light']) {
    --crm-color-scheme: light;
  }
  :host([theme='dark']) {
    --crm-color-scheme: dark;
  }
`;
