// The font names fontkit reads from a file's name table; the theme loader names the deck's font with them.
declare module 'fontkit' {
  interface Font {
    familyName: string;
    postscriptName: string;
  }
}
