import type { ComponentChildren } from 'preact';

interface ChoiceGroupProps<V extends string> {
  /** The question the options answer; a fieldset's legend, so it names the group. */
  legend: ComponentChildren;
  /** Keeps the legend for screen readers when a heading above already says it. */
  legendHidden?: boolean;
  /** The radio group's name (one per group on a screen). */
  name: string;
  options: readonly V[];
  value: V | null;
  onChange: (value: V) => void;
  /** What follows the radio inside its label (the label's text is the option's name). */
  label: (option: V) => ComponentChildren;
  /** The fieldset's class and each option label's class (the screen's own look). */
  class?: string | undefined;
  optionClass?: string | ((option: V) => string);
  /** When set, the options sit in one element of this class (a segmented control's row). */
  optionsClass?: string;
  /** The whole group (e.g. while a choice is being applied) or single options. */
  disabled?: boolean;
  optionDisabled?: (option: V) => boolean;
  /** Shown after the options, inside the group (hints about the choice). */
  children?: ComponentChildren;
}

/**
 * One radio group: a fieldset with its legend and one label per option, each wrapping its radio,
 * so the whole line is the tap target and the option's text is the radio's name. Every radio
 * group uses it except three that are other markup: the expectation table (one radio per table
 * cell), the relationship rating (`RatingGroup`: numeric values with a described scale between
 * legend and options) and the share form's choices (`Choice`, a radio or checkbox with a hint).
 */
export function ChoiceGroup<V extends string>(props: ChoiceGroupProps<V>) {
  const { value, onChange, optionDisabled, optionClass = 'choice' } = props;
  const options = props.options.map((option) => (
    <label key={option} class={typeof optionClass === 'string' ? optionClass : optionClass(option)}>
      <input
        type="radio"
        name={props.name}
        value={option}
        checked={value === option}
        disabled={optionDisabled ? optionDisabled(option) : undefined}
        onChange={() => onChange(option)}
      />
      {props.label(option)}
    </label>
  ));
  return (
    <fieldset class={props.class ?? 'choice-group'} disabled={props.disabled}>
      <legend class={props.legendHidden ? 'visually-hidden' : undefined}>{props.legend}</legend>
      {props.optionsClass ? <div class={props.optionsClass}>{options}</div> : options}
      {props.children}
    </fieldset>
  );
}
