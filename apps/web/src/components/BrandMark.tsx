/** The Pathwise logo: a rising path toward a goal. Decorative; the brand name is the accessible text. */
export function BrandMark() {
  return (
    <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#2f4bb8" />
      <path d="M8 22c4-9 8-12 16-12" stroke="#fff" strokeWidth="3" fill="none" strokeLinecap="round" />
      <circle cx="24" cy="10" r="3" fill="#ffd166" />
    </svg>
  );
}
