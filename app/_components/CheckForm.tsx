'use client';

import { useState } from 'react';
import { encodeText } from '@/lib/web/share';

interface Props {
  label: string;
  placeholder: string;
  submit: string;
  errorEmpty: string;
  errorLong: string;
  initial?: string;
}

/**
 * The one text box. With JavaScript the text travels base64url-encoded in the result link;
 * without it, the form still works as a plain GET to /r?q=.
 */
export default function CheckForm({ label, placeholder, submit, errorEmpty, errorLong, initial = '' }: Props) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      action="/r"
      method="get"
      onSubmit={(e) => {
        e.preventDefault();
        const value = text.trim();
        if (!value) return setError(errorEmpty);
        if (value.length > 2000) return setError(errorLong);
        window.location.assign(`/r?t=${encodeText(value)}`);
      }}
    >
      <label className="big" htmlFor="text">
        {label}
      </label>
      <textarea
        id="text"
        name="q"
        value={text}
        placeholder={placeholder}
        maxLength={2000}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        aria-describedby={error ? 'text-error' : undefined}
      />
      {error && (
        <p id="text-error" className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit">{submit}</button>
    </form>
  );
}
