// The new-study form's participant fields: the consent page (markdown) and the screen-out code/URL.
import { controlProps, Field, type FieldErrors, inputClass } from "./fields";

export function ConsentField({ errors }: { errors: FieldErrors }) {
  return (
    <Field name="consentText" label="Information and consent page (markdown; empty = none)" errors={errors} className="sm:col-span-2"
      hint="Raters must accept it before their first pair. Editable on the study's page while it is a draft or open.">
      <textarea rows={4} className={inputClass} {...controlProps("consentText", errors, true)} />
    </Field>
  );
}

export function ScreenOutFields({ errors }: { errors: FieldErrors }) {
  return (
    <>
      <Field name="screenOutCode" label="Screen-out code" errors={errors}
        hint="Shown instead of the completion code when the pairs run out before a rater reached the votes needed.">
        <input className={inputClass} {...controlProps("screenOutCode", errors, true)} />
      </Field>
      <Field name="screenOutUrl" label="Screen-out redirect URL" errors={errors}>
        <input type="url" className={inputClass} {...controlProps("screenOutUrl", errors)} />
      </Field>
    </>
  );
}
