/** pdfmake's browser build (its API, for types) and the two prebuilt files the report builder loads. */
declare module 'pdfmake/build/pdfmake.js' {
  const pdfMake: {
    addVirtualFileSystem(vfs: Record<string, string>): void;
    setUrlAccessPolicy(cb: (url: string) => boolean): void;
    createPdf(doc: unknown): { getBuffer(): Promise<Uint8Array> };
  };
  export default pdfMake;
}
declare module 'pdfmake/build/vfs_fonts.js' {
  const vfs: Record<string, string>;
  export default vfs;
}
declare module 'pdfmake/build/pdfmake.min.js?url' {
  const url: string;
  export default url;
}
declare module 'pdfmake/build/vfs_fonts.js?url' {
  const url: string;
  export default url;
}
declare module 'exceljs/dist/exceljs.min.js?url' {
  const url: string;
  export default url;
}
