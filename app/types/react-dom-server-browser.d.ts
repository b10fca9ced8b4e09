// react-dom ships the Web Streams renderer as "react-dom/server.browser";
// @types/react-dom declares it on "react-dom/server".
declare module "react-dom/server.browser" {
  export { renderToReadableStream } from "react-dom/server";
}
