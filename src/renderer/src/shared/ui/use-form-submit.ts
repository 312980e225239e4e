import { App, type FormInstance } from 'antd';
import { useMemo } from 'react';
import { methodSchemas, type Method, type ParamsOf } from '../../../../shared/rpc/contract';
import { checkParams, type ValidationIssue } from '../../../../shared/validation/issues';
import { useShowError } from './error-message';
import { fieldErrorsOf, samePath, validationIssuesOf, type FieldOf } from './form-errors';
import { useLocale } from './use-locale';

/**
 * Params as a form builds them: a number may still be blank (null or undefined) until the schema
 * says whether that is allowed ("请填写…" where it is not).
 */
export type Draft<T> = T extends number ? number | null | undefined : T extends readonly (infer U)[] ? Draft<U>[] : T extends object ? { [K in keyof T]: Draft<T[K]> } : T;

export type SubmitRequest<M extends Method, R> = {
  form: FormInstance;
  method: M;
  params: Draft<ParamsOf<M>>;
  run: (params: ParamsOf<M>) => Promise<R>;
  fieldOf?: FieldOf;
};

export type FormSubmit = <M extends Method, R>(request: SubmitRequest<M, R>) => Promise<R | undefined>;

/**
 * The one way a form saves. The params are checked with the contract's own schema before sending
 * (the core checks them again with the same one); a refusal from either shows under the fields, in
 * the user's language, and nothing is sent or saved. Any other failure is a translated toast.
 * Resolves to the call's result, or undefined when it was refused or failed.
 */
export function useFormSubmit(): FormSubmit {
  const locale = useLocale();
  const { message } = App.useApp();
  const showError = useShowError();
  return useMemo<FormSubmit>(() => {
    const submit = async <M extends Method, R>({ form, method, params, run, fieldOf = samePath }: SubmitRequest<M, R>): Promise<R | undefined> => {
      const show = (issues: ValidationIssue[]) => {
        const { fields, unplaced } = fieldErrorsOf(issues, fieldOf, locale);
        form.setFields(fields);
        if (fields[0]) form.scrollToField(fields[0].name);
        for (const text of unplaced) void message.error(text);
      };
      const checked = checkParams(methodSchemas[method], params);
      if (!checked.ok) {
        show(checked.issues);
        return undefined;
      }
      try {
        // The value the schema accepted (trimmed where the contract trims): the same the core will parse.
        return await run(checked.value as ParamsOf<M>);
      } catch (error) {
        const issues = validationIssuesOf(error);
        if (issues && issues.length > 0) show(issues);
        else showError(error);
        return undefined;
      }
    };
    return submit;
  }, [locale, message, showError]);
}
