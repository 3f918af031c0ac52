/**
 * A library's own prebuilt browser file, loaded when first needed. The report builder's PDF and XLSX
 * engines (pdfmake, exceljs) ship ready-made minified builds; importing them with `?url` makes Vite copy
 * them as they are, where bundling them made every site build parse and minify about 2.7 MB of
 * JavaScript (about 1 s of CPU, bench/README.md). Scripts are same-origin files, as the
 * Content-Security-Policy requires, and run in the order they were asked for.
 */
const loading = new Map<string, Promise<void>>();

export function loadScript(src: string): Promise<void> {
  let done = loading.get(src);
  if (!done) {
    done = new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.async = false; // downloads in parallel, runs in the order asked for
      script.onload = () => resolve();
      script.onerror = () => {
        loading.delete(src); // a failed download can be retried with the next click
        script.remove();
        reject(new Error(`could not load ${src}`));
      };
      document.head.append(script);
    });
    loading.set(src, done);
  }
  return done;
}
