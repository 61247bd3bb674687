export const HELP = `briefkit — one briefing file becomes a PDF report and a PowerPoint deck

Usage
  briefkit build <file> [options]     build output/<name>.pdf and .pptx
  briefkit validate <file>            check a briefing; print every problem
  briefkit --help | --version

Build options
  --out <dir>              output folder (default: output)
  --format <list>          pdf, pptx or pdf,pptx (default: both)
  --date <YYYY-MM-DD>      build date for metadata (default: SOURCE_DATE_EPOCH, else now)
  --page-size <A4|Letter>  report page size (default: A4)
  --deck-charts <mode>     native (editable charts, default) or image (PNG)
  --pdfa                   write the report as PDF/A-2b for archiving
  --templates <dir>        a folder of templates overriding the built-in ones

Exit codes
  0 done   1 the briefing or a template is wrong   2 the command line is wrong   3 internal error
`;
