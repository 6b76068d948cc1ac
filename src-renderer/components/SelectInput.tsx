import { focusTimeline } from '../util/focus-home';

interface SelectInputProps<T extends string> {
  readonly id: string;
  readonly testId: string;
  readonly value: T;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly onChange: (value: T) => void;
}

/** A select whose options are a closed set: the change handler only ever sees one of them. */
export function SelectInput<T extends string>({ id, testId, value, options, onChange }: SelectInputProps<T>) {
  return (
    <div className="field-control">
      <select
        id={id}
        data-testid={testId}
        value={value}
        onChange={(event) => {
          const picked = options.find((option) => option.value === event.target.value);
          if (picked !== undefined) onChange(picked.value);
          // Arrows and Space would otherwise keep changing the select instead of the playhead.
          focusTimeline();
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
