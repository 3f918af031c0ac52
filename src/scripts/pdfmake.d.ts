/** The two files of pdfmake's browser build the report builder loads when its PDF button is pressed. */
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
