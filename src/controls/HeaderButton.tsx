/** A button of the page header: ghost style unless told otherwise, with an optional line icon before its label. */
import type { ButtonHTMLAttributes, ReactNode } from 'react';

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> & {
  'data-testid': string;
  /** The icon as the path of a 24 × 24 SVG, drawn in the text colour. */
  icon?: string;
  children?: ReactNode;
};

export function HeaderButton({ icon, children, className = 'btn btn-ghost', ...rest }: Props) {
  return (
    <button type="button" className={className} {...rest}>
      {icon ? (
        <svg className="btn-svg" viewBox="0 0 24 24" aria-hidden="true">
          <path d={icon} />
        </svg>
      ) : null}
      {children}
    </button>
  );
}
