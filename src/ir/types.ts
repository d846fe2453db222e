/**
 * The typed, serialisable model of one form: what the generator builds from a
 * bundled schema and what the runtime renders. Everything here is plain JSON
 * (no functions, no classes) so it can be emitted into a module as a literal.
 *
 * Runtime code imports these as types only (`import type`).
 */

/** A text in both languages the product speaks. zh-CN is verbatim from the seed. */
export interface LocalizedText {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** The two UI languages. */
export type Lang = 'zh-CN' | 'en';

/** Departments that receive parts of a submission (FORMS.md). */
export type DepartmentId = 'hrss' | 'medicalInsurance' | 'tax' | 'housingFund';

/** Field kinds the widget knows how to render. */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'number'
  | 'integer'
  | 'date'
  | 'date-or-permanent'
  | 'year-month'
  | 'select'
  | 'radio'
  | 'checkboxes'
  | 'yes-no'
  | 'checkbox'
  /** An object `{province, city, county, detail}` of GB/T 2260 codes plus a detail line (省/市/县 picker). */
  | 'address'
  /** An object `{province, city, county}` of GB/T 2260 codes (省/市/县 picker without detail). */
  | 'region'
  /**
   * An uploaded file recorded as `{name, mediaType, size, sha256}` (materials#/definitions/attachment),
   * for a material whose need depends on an answer; `material` names the material's spec.
   */
  | 'file';

/** One option of an enumerated field. `value` is what is submitted. */
export interface OptionModel {
  readonly value: string;
  readonly label: LocalizedText;
}

/** A condition on a sibling field inside the same section (nested if/then). */
export interface FieldCondition {
  /** Data path (JSON pointer) of the field the condition reads. */
  readonly field: string;
  /** The condition holds when the field equals this value… */
  readonly equals?: string | boolean | number;
  /** …or is one of these values (`enum`)… */
  readonly in?: readonly (string | number | boolean)[];
  /** …or, for a list (checkboxes), contains this value (`contains: {const}`). */
  readonly includes?: string | number | boolean;
}

/** One input of the form. */
export interface FieldModel {
  /** JSON pointer of the value in the form data, e.g. `/applicant/name`. */
  readonly path: string;
  /** Property name inside its section. */
  readonly key: string;
  readonly kind: FieldKind;
  readonly title: LocalizedText;
  /** Seed notes (注) or ui:help; shown as a hint. */
  readonly hint?: LocalizedText;
  /** Placeholder text for the control. */
  readonly placeholder?: LocalizedText;
  /** Required whenever its section applies (and its own condition holds). */
  readonly required: boolean;
  /** Shown (and required) only while this holds — e.g. 代扣银行 when 缴费方式 is 代扣代缴. */
  readonly visibleWhen?: FieldCondition;
  readonly options?: readonly OptionModel[];
  /** JSON Schema `format` of the value, if any. */
  readonly format?: string;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  /** Normalisation applied on blur and before signing (DOMAIN.md "Input normalisation"). */
  readonly normalize?: 'text' | 'id' | 'digits' | 'phone' | 'mobile';
  /** `inputmode` for virtual keyboards. */
  readonly inputMode?: 'text' | 'numeric' | 'tel' | 'decimal';
  /** `autocomplete` token; sensitive fields get `off`. */
  readonly autocomplete?: string;
  /** Sensitive personal information (PIPL art. 28): masked on review, never logged. */
  readonly sensitive?: boolean;
  /** The form's value for "permanent" on a date-or-permanent field (e.g. 长期). */
  readonly permanentValue?: string;
  /** For `file` fields: the id of the material (meta.json) whose accept/size/photo spec applies. */
  readonly material?: string;
}

/** A group of fields; conditional sections belong to one service. */
export interface SectionModel {
  /** Property name of the section object in the form data, e.g. `socialSecurityCard`. */
  readonly key: string;
  readonly title: LocalizedText;
  readonly hint?: LocalizedText;
  /** The service whose ticking switches this section on; absent for always-present sections. */
  readonly service?: string;
  readonly fields: readonly FieldModel[];
}

/** A service (事项) the applicant can tick. */
export interface ServiceModel {
  readonly id: string;
  readonly title: LocalizedText;
  readonly department: DepartmentId;
  /** Keys of the sections the service switches on (empty when the seed prints 无). */
  readonly sections: readonly string[];
  /** Acceptance condition (受理条件) the applicant declares, if any. */
  readonly condition?: LocalizedText;
  /** Promised or legal time limit of this service (办理时限), where the seed gives one. */
  readonly timeLimit?: LocalizedText;
}

/** How a material (attachment) is provided. */
export type MaterialChannel = 'upload' | 'offline' | 'dataSharing';

/** A material (申请材料) the applicant provides. */
export interface MaterialModel {
  readonly id: string;
  readonly title: LocalizedText;
  /** Services that need it; empty means every submission. */
  readonly services: readonly string[];
  readonly required: boolean;
  readonly channels: readonly MaterialChannel[];
  readonly accept?: readonly string[];
  readonly maxBytes?: number;
  readonly minBytes?: number;
  /** For photos: the exact pixel size, resolution and background the seed specifies. */
  readonly photo?: PhotoSpec;
  readonly note?: LocalizedText;
}

/** A photo specification (e.g. the social security card photo: 358×441 px, 350 DPI, 30–50 KB, JPG). */
export interface PhotoSpec {
  readonly width: number;
  readonly height: number;
  readonly dpi: number;
  readonly background: 'white';
  readonly colour: boolean;
}

/** A declared rule, for messages, docs and the example-per-rule check. */
export interface RuleModel {
  /** Stable id, e.g. `section:socialSecurityCard`, `exclusive:a+b`, `age:employmentRegistration`. */
  readonly id: string;
  readonly kind: 'section' | 'exclusive' | 'prerequisite' | 'requiredIf' | 'idDocument' | 'age' | 'dateOrder' | 'format' | 'enum' | 'required';
  /** JSON pointer into the bundled schema where the rule is declared (`#/allOf/2`). */
  readonly schemaPath: string;
  /** Data path the rule's errors are reported at, when it has one place (`/socialSecurityCard`). */
  readonly target?: string;
}

/** Consultation phone / office hours entry (help panel). */
export interface ContactModel {
  readonly area: LocalizedText;
  readonly phone?: string;
  readonly hours?: LocalizedText;
}

/** Form metadata from `forms/<id>/meta.json`. */
export interface FormMeta {
  readonly issuer: LocalizedText;
  readonly source: string;
  readonly departments: Readonly<Partial<Record<DepartmentId, LocalizedText>>>;
  readonly timeLimits?: LocalizedText;
  readonly contacts?: readonly ContactModel[];
  readonly notes?: readonly LocalizedText[];
  readonly declaration?: LocalizedText;
  /**
   * Services a department runs on its own after the application (e.g. Weihai's
   * 拓展服务事项): shown as a notice, never a choice on the form.
   */
  readonly extendedServices?: readonly ExtendedServiceModel[];
}

/** A department's own follow-up service, named in the form's metadata. */
export interface ExtendedServiceModel {
  readonly id: string;
  readonly title: LocalizedText;
  readonly department: DepartmentId;
  readonly description?: LocalizedText;
}

/** The whole form. */
export interface FormModel {
  readonly id: string;
  readonly version: string;
  /** `sha256-<base64url>` of the RFC 8785 bytes of the bundled schema. */
  readonly schemaHash: string;
  readonly title: LocalizedText;
  readonly meta: FormMeta;
  /** Data path of the services checkbox list (always `/services`). */
  readonly servicesPath: string;
  /** Title of the services checkbox list (申请联办事项). */
  readonly servicesTitle: LocalizedText;
  readonly services: readonly ServiceModel[];
  readonly sections: readonly SectionModel[];
  readonly rules: readonly RuleModel[];
  readonly materials: readonly MaterialModel[];
}
