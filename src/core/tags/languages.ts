// The comment and string syntax of each language INCIDENT tags are read in, as data: one table for the scanner, the editor and the docs.

/** A marker that starts a comment running to the end of the line: `//`, `#`, `--`, `'`, `REM`. */
export interface LineCommentSyntax {
  readonly open: string;
  /** Only when nothing but white space (and an `@` for batch files) comes before it on the line. */
  readonly lineStart?: boolean;
  /** Only at the start of a word: after white space, the line start or one of `;|&(){}`. */
  readonly wordStart?: boolean;
  /** Letters match in any case (`rem`, `Rem`). */
  readonly ignoreCase?: boolean;
  /** Must be followed by white space or the line end (`REM` is not `REMOVE`). */
  readonly endsWord?: boolean;
  /** Not a comment when the character before is one of these (TeX's `\%`). */
  readonly notAfter?: string;
  /** Not a comment when the character after is one of these (PHP's `#[`, Haskell's `-->`). */
  readonly notBefore?: string;
}

/** A pair of markers around a comment: C's slash-star pair, `<!-- -->`, `{- -}`, `(* *)`, a `"""` docstring. */
export interface BlockCommentSyntax {
  readonly open: string;
  readonly close: string;
  /** Blocks nest (Haskell, OCaml, Rust, Swift). */
  readonly nested?: boolean;
  /** Only when nothing but white space (and a string prefix such as `r`) comes before it on the line: Python docstrings, Ruby's `=begin`. */
  readonly lineStart?: boolean;
  /** A backslash escapes the next character inside the block (docstrings). */
  readonly escape?: string;
  /** What the block is called in messages and results. */
  readonly kind?: 'block' | 'docstring';
}

/** A string literal; comment markers inside it are text. */
export interface StringSyntax {
  readonly open: string;
  readonly close: string;
  /** The escape character, when the language has one. */
  readonly escape?: string;
  /** The literal may span lines; otherwise an unclosed literal ends at the line end. */
  readonly multiline?: boolean;
  /** Only at the start of a word (YAML's `it's` is not a string). */
  readonly wordStart?: boolean;
  /**
   * A character literal: a string only when it closes on the same line within a few
   * characters, so Rust lifetimes (`'a`) and OCaml type variables are not strings.
   */
  readonly charLiteral?: boolean;
}

/** How comments and strings are written in one language. */
export interface CommentSyntax {
  readonly line: readonly LineCommentSyntax[];
  readonly block: readonly BlockCommentSyntax[];
  readonly strings: readonly StringSyntax[];
}

/** How a new tag is written in one language: `// …`, `# …`, `<!-- … -->`. */
export interface TagInsertion {
  readonly prefix: string;
  /** Closes a block comment, e.g. ` -->`; empty for line comments. */
  readonly suffix: string;
}

/** A language INCIDENT tags are read in. */
export interface LanguageSpec {
  /** Stable id, e.g. `typescript`. */
  readonly id: string;
  /** Human name, for the docs. */
  readonly name: string;
  /** File extensions without the dot, lower case. */
  readonly extensions: readonly string[];
  /** Whole file names (Dockerfile, Makefile), compared without case. */
  readonly fileNames?: readonly string[];
  /** VS Code language ids that mean this language. */
  readonly vscodeIds?: readonly string[];
  readonly syntax: CommentSyntax;
  readonly insert: TagInsertion;
}

const SLASH: LineCommentSyntax = { open: '//' };
const HASH: LineCommentSyntax = { open: '#' };
const HASH_WORD: LineCommentSyntax = { open: '#', wordStart: true };
const DASH_DASH: LineCommentSyntax = { open: '--' };
const SEMICOLON: LineCommentSyntax = { open: ';' };
const PERCENT: LineCommentSyntax = { open: '%', notAfter: '\\' };
const C_BLOCK: BlockCommentSyntax = { open: '/*', close: '*/' };
const C_BLOCK_NESTED: BlockCommentSyntax = { open: '/*', close: '*/', nested: true };
const HTML_BLOCK: BlockCommentSyntax = { open: '<!--', close: '-->' };
const HASKELL_BLOCK: BlockCommentSyntax = { open: '{-', close: '-}', nested: true };
const ML_BLOCK: BlockCommentSyntax = { open: '(*', close: '*)', nested: true };
const PY_DOCSTRINGS: readonly BlockCommentSyntax[] = [
  { open: '"""', close: '"""', lineStart: true, escape: '\\', kind: 'docstring' },
  { open: "'''", close: "'''", lineStart: true, escape: '\\', kind: 'docstring' },
];
const DQ: StringSyntax = { open: '"', close: '"', escape: '\\' };
const SQ: StringSyntax = { open: "'", close: "'", escape: '\\' };
const DQ_MULTI: StringSyntax = { open: '"', close: '"', escape: '\\', multiline: true };
const SQ_MULTI: StringSyntax = { open: "'", close: "'", escape: '\\', multiline: true };
const BACKTICK: StringSyntax = { open: '`', close: '`', escape: '\\', multiline: true };
const TRIPLE_DQ: StringSyntax = { open: '"""', close: '"""', escape: '\\', multiline: true };
const TRIPLE_SQ: StringSyntax = { open: "'''", close: "'''", escape: '\\', multiline: true };
const CHAR: StringSyntax = { open: "'", close: "'", escape: '\\', charLiteral: true };

const C_LIKE: CommentSyntax = { line: [SLASH], block: [C_BLOCK], strings: [DQ, SQ] };
const SLASH_INSERT: TagInsertion = { prefix: '// ', suffix: '' };
const HASH_INSERT: TagInsertion = { prefix: '# ', suffix: '' };
const DASH_INSERT: TagInsertion = { prefix: '-- ', suffix: '' };
const HTML_INSERT: TagInsertion = { prefix: '<!-- ', suffix: ' -->' };

/** Every language with a known syntax; the first entry that names an extension, file name or VS Code id wins. */
export const LANGUAGES: readonly LanguageSpec[] = [
  {
    id: 'typescript',
    name: 'TypeScript / JavaScript',
    extensions: ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'],
    vscodeIds: ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'],
    syntax: { line: [SLASH], block: [C_BLOCK], strings: [DQ, SQ, BACKTICK] },
    insert: SLASH_INSERT,
  },
  {
    id: 'c',
    name: 'C / C++ / Objective-C++',
    extensions: ['c', 'h', 'cc', 'cpp', 'cxx', 'hpp', 'hh', 'hxx', 'ino'],
    vscodeIds: ['c', 'cpp', 'cuda-cpp'],
    syntax: C_LIKE,
    insert: SLASH_INSERT,
  },
  {
    id: 'java',
    name: 'Java / Kotlin / Scala / Groovy',
    extensions: ['java', 'kt', 'kts', 'scala', 'sc', 'groovy', 'gradle'],
    fileNames: ['jenkinsfile'],
    vscodeIds: ['java', 'kotlin', 'scala', 'groovy'],
    syntax: { line: [SLASH], block: [C_BLOCK], strings: [TRIPLE_DQ, DQ, SQ] },
    insert: SLASH_INSERT,
  },
  {
    id: 'csharp',
    name: 'C#',
    extensions: ['cs', 'csx'],
    vscodeIds: ['csharp'],
    syntax: { line: [SLASH], block: [C_BLOCK], strings: [{ open: '@"', close: '"', multiline: true }, DQ, SQ] },
    insert: SLASH_INSERT,
  },
  {
    id: 'go',
    name: 'Go',
    extensions: ['go'],
    vscodeIds: ['go'],
    syntax: { line: [SLASH], block: [C_BLOCK], strings: [DQ, SQ, { open: '`', close: '`', multiline: true }] },
    insert: SLASH_INSERT,
  },
  {
    id: 'rust',
    name: 'Rust',
    extensions: ['rs'],
    vscodeIds: ['rust'],
    syntax: { line: [SLASH], block: [C_BLOCK_NESTED], strings: [DQ_MULTI, CHAR] },
    insert: SLASH_INSERT,
  },
  {
    id: 'swift',
    name: 'Swift',
    extensions: ['swift'],
    vscodeIds: ['swift'],
    syntax: { line: [SLASH], block: [C_BLOCK_NESTED], strings: [TRIPLE_DQ, DQ] },
    insert: SLASH_INSERT,
  },
  {
    id: 'dart',
    name: 'Dart',
    extensions: ['dart'],
    vscodeIds: ['dart'],
    syntax: { line: [SLASH], block: [C_BLOCK_NESTED], strings: [TRIPLE_DQ, TRIPLE_SQ, DQ, SQ] },
    insert: SLASH_INSERT,
  },
  {
    id: 'php',
    name: 'PHP',
    extensions: ['php', 'phtml'],
    vscodeIds: ['php'],
    syntax: { line: [SLASH, { open: '#', notBefore: '[' }], block: [C_BLOCK], strings: [DQ_MULTI, SQ_MULTI] },
    insert: SLASH_INSERT,
  },
  {
    id: 'css',
    name: 'CSS',
    extensions: ['css'],
    vscodeIds: ['css'],
    syntax: { line: [], block: [C_BLOCK], strings: [DQ, SQ] },
    insert: { prefix: '/* ', suffix: ' */' },
  },
  {
    id: 'scss',
    name: 'SCSS / Less / Stylus',
    extensions: ['scss', 'less', 'styl'],
    vscodeIds: ['scss', 'less', 'stylus'],
    syntax: C_LIKE,
    insert: SLASH_INSERT,
  },
  {
    id: 'json',
    name: 'JSON with comments',
    extensions: ['json', 'jsonc', 'json5'],
    vscodeIds: ['json', 'jsonc', 'json5'],
    syntax: { line: [SLASH], block: [C_BLOCK], strings: [DQ] },
    insert: SLASH_INSERT,
  },
  {
    id: 'proto',
    name: 'Protocol Buffers / Thrift / Solidity / Zig',
    extensions: ['proto', 'thrift', 'sol', 'zig', 'v'],
    vscodeIds: ['proto3', 'proto', 'solidity', 'zig'],
    syntax: C_LIKE,
    insert: SLASH_INSERT,
  },
  {
    id: 'python',
    name: 'Python',
    extensions: ['py', 'pyi', 'pyw'],
    vscodeIds: ['python'],
    syntax: { line: [HASH], block: PY_DOCSTRINGS, strings: [TRIPLE_DQ, TRIPLE_SQ, DQ, SQ] },
    insert: HASH_INSERT,
  },
  {
    id: 'julia',
    name: 'Julia',
    extensions: ['jl'],
    vscodeIds: ['julia'],
    syntax: {
      line: [HASH],
      block: [{ open: '#=', close: '=#', nested: true }, PY_DOCSTRINGS[0]],
      strings: [TRIPLE_DQ, DQ, CHAR],
    },
    insert: HASH_INSERT,
  },
  {
    id: 'ruby',
    name: 'Ruby',
    extensions: ['rb', 'rake', 'gemspec'],
    fileNames: ['gemfile', 'rakefile'],
    vscodeIds: ['ruby'],
    syntax: {
      line: [HASH],
      block: [{ open: '=begin', close: '=end', lineStart: true }],
      strings: [DQ_MULTI, SQ_MULTI],
    },
    insert: HASH_INSERT,
  },
  {
    id: 'perl',
    name: 'Perl',
    extensions: ['pl', 'pm', 't'],
    vscodeIds: ['perl'],
    syntax: { line: [HASH], block: [{ open: '=pod', close: '=cut', lineStart: true }], strings: [DQ_MULTI, SQ_MULTI] },
    insert: HASH_INSERT,
  },
  {
    id: 'shell',
    name: 'Shell',
    extensions: ['sh', 'bash', 'zsh', 'ksh', 'fish', 'bats'],
    fileNames: ['.bashrc', '.zshrc', '.profile', '.bash_profile'],
    vscodeIds: ['shellscript', 'fish'],
    syntax: { line: [HASH_WORD], block: [], strings: [DQ_MULTI, { open: "'", close: "'", multiline: true }] },
    insert: HASH_INSERT,
  },
  {
    id: 'powershell',
    name: 'PowerShell',
    extensions: ['ps1', 'psm1', 'psd1'],
    vscodeIds: ['powershell'],
    syntax: {
      line: [HASH],
      block: [{ open: '<#', close: '#>' }],
      strings: [
        { open: '"', close: '"', escape: '`', multiline: true },
        { open: "'", close: "'", multiline: true },
      ],
    },
    insert: HASH_INSERT,
  },
  {
    id: 'yaml',
    name: 'YAML',
    extensions: ['yaml', 'yml'],
    vscodeIds: ['yaml', 'dockercompose'],
    syntax: {
      line: [HASH_WORD],
      block: [],
      strings: [
        { ...DQ, wordStart: true },
        { open: "'", close: "'", wordStart: true },
      ],
    },
    insert: HASH_INSERT,
  },
  {
    id: 'toml',
    name: 'TOML',
    extensions: ['toml'],
    vscodeIds: ['toml'],
    syntax: { line: [HASH], block: [], strings: [TRIPLE_DQ, TRIPLE_SQ, DQ, { open: "'", close: "'" }] },
    insert: HASH_INSERT,
  },
  {
    id: 'config',
    name: 'Dockerfile, Makefile, CMake, R, Elixir, Nim, Tcl, .env, .gitignore and other #-comment files',
    extensions: [
      'dockerfile',
      'mk',
      'cmake',
      'r',
      'nim',
      'tcl',
      'awk',
      'env',
      'conf',
      'cfg',
      'properties',
      'gitignore',
      'dockerignore',
      'cr',
      'ex',
      'exs',
      'graphql',
      'gql',
      'coffee',
    ],
    fileNames: ['dockerfile', 'makefile', 'gnumakefile', 'cmakelists.txt', 'procfile'],
    vscodeIds: [
      'dockerfile',
      'makefile',
      'cmake',
      'r',
      'nim',
      'tcl',
      'awk',
      'dotenv',
      'properties',
      'ignore',
      'crystal',
      'elixir',
      'graphql',
      'coffeescript',
    ],
    syntax: { line: [HASH_WORD], block: [], strings: [DQ] },
    insert: HASH_INSERT,
  },
  {
    id: 'hcl',
    name: 'Terraform / HCL / Nix',
    extensions: ['tf', 'tfvars', 'hcl', 'nix'],
    vscodeIds: ['terraform', 'hcl', 'nix'],
    syntax: { line: [HASH_WORD, SLASH], block: [C_BLOCK], strings: [DQ_MULTI] },
    insert: HASH_INSERT,
  },
  {
    id: 'ini',
    name: 'INI / EditorConfig',
    extensions: ['ini', 'editorconfig'],
    vscodeIds: ['ini'],
    syntax: {
      line: [
        { open: ';', lineStart: true },
        { open: '#', lineStart: true },
      ],
      block: [],
      strings: [],
    },
    insert: { prefix: '; ', suffix: '' },
  },
  {
    id: 'sql',
    name: 'SQL',
    extensions: ['sql', 'psql', 'pgsql', 'ddl', 'dml'],
    vscodeIds: ['sql', 'plsql', 'postgres'],
    syntax: { line: [DASH_DASH], block: [C_BLOCK], strings: [SQ_MULTI, DQ_MULTI] },
    insert: DASH_INSERT,
  },
  {
    id: 'lua',
    name: 'Lua',
    extensions: ['lua'],
    vscodeIds: ['lua'],
    syntax: {
      line: [DASH_DASH],
      block: [{ open: '--[[', close: ']]' }],
      strings: [DQ, SQ, { open: '[[', close: ']]', multiline: true }],
    },
    insert: DASH_INSERT,
  },
  {
    id: 'haskell',
    name: 'Haskell / Elm / PureScript',
    extensions: ['hs', 'lhs', 'elm', 'purs'],
    vscodeIds: ['haskell', 'elm', 'purescript'],
    syntax: { line: [{ open: '--', notBefore: '!#$%&*+./<=>?@\\^|~:' }], block: [HASKELL_BLOCK], strings: [DQ] },
    insert: DASH_INSERT,
  },
  {
    id: 'ada',
    name: 'Ada / VHDL',
    extensions: ['adb', 'ads', 'vhd', 'vhdl'],
    vscodeIds: ['ada', 'vhdl'],
    syntax: { line: [DASH_DASH], block: [], strings: [DQ] },
    insert: DASH_INSERT,
  },
  {
    id: 'ocaml',
    name: 'OCaml / Standard ML',
    extensions: ['ml', 'mli', 'sml', 'sig'],
    vscodeIds: ['ocaml', 'sml'],
    syntax: { line: [], block: [ML_BLOCK], strings: [DQ_MULTI, CHAR] },
    insert: { prefix: '(* ', suffix: ' *)' },
  },
  {
    id: 'fsharp',
    name: 'F#',
    extensions: ['fs', 'fsi', 'fsx'],
    vscodeIds: ['fsharp'],
    syntax: { line: [SLASH], block: [ML_BLOCK], strings: [TRIPLE_DQ, DQ_MULTI, CHAR] },
    insert: SLASH_INSERT,
  },
  {
    id: 'pascal',
    name: 'Pascal / Delphi',
    extensions: ['pas', 'pp', 'dpr', 'lpr'],
    vscodeIds: ['pascal', 'objectpascal'],
    syntax: { line: [SLASH], block: [ML_BLOCK, { open: '{', close: '}' }], strings: [{ open: "'", close: "'" }] },
    insert: SLASH_INSERT,
  },
  {
    id: 'lisp',
    name: 'Lisp / Clojure / Scheme',
    extensions: ['lisp', 'lsp', 'el', 'clj', 'cljs', 'cljc', 'edn', 'scm', 'ss', 'rkt'],
    vscodeIds: ['lisp', 'clojure', 'scheme', 'racket'],
    syntax: { line: [SEMICOLON], block: [{ open: '#|', close: '|#', nested: true }], strings: [DQ_MULTI] },
    insert: { prefix: ';; ', suffix: '' },
  },
  {
    id: 'asm',
    name: 'Assembly (NASM)',
    extensions: ['asm', 'nasm'],
    vscodeIds: ['asm', 'nasm'],
    syntax: { line: [SEMICOLON], block: [], strings: [DQ, SQ] },
    insert: { prefix: '; ', suffix: '' },
  },
  {
    id: 'erlang',
    name: 'Erlang',
    extensions: ['erl', 'hrl'],
    vscodeIds: ['erlang'],
    syntax: { line: [PERCENT], block: [], strings: [DQ] },
    insert: { prefix: '% ', suffix: '' },
  },
  {
    id: 'tex',
    name: 'TeX / LaTeX',
    extensions: ['tex', 'sty', 'cls', 'bib'],
    vscodeIds: ['latex', 'tex', 'bibtex'],
    syntax: { line: [PERCENT], block: [], strings: [] },
    insert: { prefix: '% ', suffix: '' },
  },
  {
    id: 'html',
    name: 'HTML / XML / Markdown',
    extensions: [
      'html',
      'htm',
      'xhtml',
      'xml',
      'svg',
      'xsd',
      'xsl',
      'xaml',
      'csproj',
      'fsproj',
      'vbproj',
      'props',
      'targets',
      'plist',
      'md',
      'markdown',
      'mdx',
    ],
    vscodeIds: ['html', 'xml', 'xsl', 'markdown', 'mdx'],
    syntax: { line: [], block: [HTML_BLOCK], strings: [] },
    insert: HTML_INSERT,
  },
  {
    id: 'vue',
    name: 'Vue / Svelte / Astro',
    extensions: ['vue', 'svelte', 'astro'],
    vscodeIds: ['vue', 'svelte', 'astro'],
    syntax: { line: [SLASH], block: [HTML_BLOCK, C_BLOCK], strings: [] },
    insert: HTML_INSERT,
  },
  {
    id: 'vb',
    name: 'Visual Basic',
    extensions: ['vb', 'vbs', 'bas', 'vba', 'frm'],
    vscodeIds: ['vb', 'vbscript'],
    syntax: {
      line: [{ open: "'" }, { open: 'REM', lineStart: true, ignoreCase: true, endsWord: true }],
      block: [],
      strings: [{ open: '"', close: '"' }],
    },
    insert: { prefix: "' ", suffix: '' },
  },
  {
    id: 'batch',
    name: 'Windows batch',
    extensions: ['bat', 'cmd'],
    vscodeIds: ['bat'],
    syntax: {
      line: [
        { open: 'REM', lineStart: true, ignoreCase: true, endsWord: true },
        { open: '::', lineStart: true },
      ],
      block: [],
      strings: [],
    },
    insert: { prefix: 'REM ', suffix: '' },
  },
];

/**
 * The syntax for files whose language is unknown: every comment marker the grammar lists,
 * and no strings (so a tag after a quote still counts; nothing is known about quotes).
 */
export const GENERIC_SYNTAX: CommentSyntax = {
  line: [
    SLASH,
    HASH,
    DASH_DASH,
    SEMICOLON,
    PERCENT,
    { open: "'" },
    { open: 'REM', lineStart: true, ignoreCase: true, endsWord: true },
  ],
  block: [C_BLOCK, HTML_BLOCK, HASKELL_BLOCK, ML_BLOCK, { open: '"""', close: '"""', kind: 'docstring' }],
  strings: [],
};

/** The language written in `path` (its extension or file name), else the one VS Code's `languageId` names. */
export function languageFor(path: string, vscodeLanguageId?: string): LanguageSpec | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  const byName = LANGUAGES.find((l) => l.fileNames?.includes(name));
  if (byName) return byName;
  const dot = name.lastIndexOf('.');
  if (dot > 0 || (dot === 0 && name.length > 1)) {
    const ext = name.slice(dot + 1);
    const byExtension = LANGUAGES.find((l) => l.extensions.includes(ext));
    if (byExtension) return byExtension;
  }
  if (/^dockerfile\./.test(name) || /\.dockerfile$/.test(name)) return LANGUAGES.find((l) => l.id === 'config');
  return vscodeLanguageId === undefined ? undefined : LANGUAGES.find((l) => l.vscodeIds?.includes(vscodeLanguageId));
}

/** The comment syntax for `path`: its language's, or the generic one when the language is unknown. */
export function syntaxFor(path: string, vscodeLanguageId?: string): CommentSyntax {
  return languageFor(path, vscodeLanguageId)?.syntax ?? GENERIC_SYNTAX;
}
