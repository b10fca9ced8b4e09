/** The shared UI pieces: import them from "~/components/ui". */
export { Badge, type BadgeTone } from "./Badge";
export { ConfirmAction, ConfirmPanel } from "./Confirm";
export { CopyField } from "./CopyField";
export { DateTime, formatDateTime } from "./DateTime";
export {
  describedBy,
  Field,
  FieldErrors,
  FormErrors,
  SelectField,
  TextField,
  textValue,
  type ControlProps,
} from "./Field";
export { langOfMatches, pageTitle, titleMeta } from "./meta";
export { SectionErrorBoundary, sectionErrorBoundary, type Section } from "./SectionErrorBoundary";
export { StatusMessage } from "./StatusMessage";
export { inputClass, ui } from "./styles";
export { useHydrated } from "./useHydrated";
export { useLang } from "./useLang";
