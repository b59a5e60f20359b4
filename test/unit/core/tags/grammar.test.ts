import * as assert from 'node:assert/strict';
import {
  findTags,
  findTagsInFile,
  formatTag,
  GENERIC_SYNTAX,
  incidentKey,
  languageFor,
  LANGUAGES,
  TAG_PREFIX,
  TAG_SYNTAX,
  tagComment,
  type IncidentTag,
  type TagScan,
} from '../../../../src/core/tags';
import { range } from '../../../../src/core/markdown/position';

/** [line, start, end, head] of each tag, the range being INCIDENT… to the description's end. */
function brief(scan: TagScan): Array<[number, number, number, string, string]> {
  return scan.tags.map((t) => [
    t.range.start.line,
    t.range.start.character,
    t.range.end.character,
    incidentKey(t),
    t.description,
  ]);
}

function tagsOf(path: string, text: string): Array<[number, number, number, string, string]> {
  return brief(findTagsInFile(path, text));
}

describe('INCIDENT tag grammar', () => {
  describe('in a // line comment', () => {
    it('reads date, description and exact ranges', () => {
      const scan = findTagsInFile(
        'src/preferences.ts',
        'const a = 1;\n// INCIDENT-2026-03-15: N+1 query on preferences.user_id\n',
      );
      assert.equal(scan.tags.length, 1);
      const tag = scan.tags[0] as IncidentTag;
      assert.deepEqual(tag.date, { year: 2026, month: 3, day: 15 });
      assert.equal(tag.dateText, '2026-03-15');
      assert.equal(tag.slug, undefined);
      assert.equal(tag.description, 'N+1 query on preferences.user_id');
      assert.deepEqual(tag.range, range(1, 3, 1, 56));
      assert.deepEqual(tag.headRange, range(1, 3, 1, 22));
      assert.equal(tag.slugRange, undefined);
      assert.deepEqual(tag.descriptionRange, range(1, 24, 1, 56));
      assert.equal(tag.comment, 'line');
      assert.deepEqual(scan.problems, []);
    });

    it('reads a tag in a trailing comment after code', () => {
      assert.deepEqual(tagsOf('a.go', 'return nil // INCIDENT-2026-03-15: keep the nil check'), [
        [0, 14, 53, '2026-03-15', 'keep the nil check'],
      ]);
    });

    it('reads doc comments (/// and //!) and tags indented with tabs', () => {
      assert.deepEqual(tagsOf('a.rs', '/// INCIDENT-2026-03-15: doc\n\t//! INCIDENT-2026-03-16: inner'), [
        [0, 4, 28, '2026-03-15', 'doc'],
        [1, 5, 31, '2026-03-16', 'inner'],
      ]);
    });
  });

  describe('with a slug or incident id', () => {
    it('reads the slug and its range', () => {
      const [tag] = findTagsInFile(
        'webhooks.py',
        '# INCIDENT-2026-03-20 payment-service-crashloop: must return errors',
      ).tags;
      assert.equal(tag.slug, 'payment-service-crashloop');
      assert.deepEqual(tag.slugRange, range(0, 22, 0, 47));
      assert.deepEqual(tag.headRange, range(0, 2, 0, 47));
      assert.equal(tag.description, 'must return errors');
      assert.equal(incidentKey(tag), '2026-03-20 payment-service-crashloop');
    });

    it('accepts ids with capitals, digits, dots and underscores, and spaces before the colon', () => {
      assert.deepEqual(
        tagsOf(
          'a.ts',
          '// INCIDENT-2026-03-15 INC-4521: a\n// INCIDENT-2026-03-15 v2.1_hotfix : b\n// INCIDENT-2026-03-15 : c',
        ),
        [
          [0, 3, 34, '2026-03-15 inc-4521', 'a'],
          [1, 3, 38, '2026-03-15 v2.1_hotfix', 'b'],
          [2, 3, 26, '2026-03-15', 'c'],
        ],
      );
    });

    it('keeps the slug as written and groups case-insensitively', () => {
      const [tag] = findTagsInFile('a.ts', '// INCIDENT-2026-03-15 Checkout: x').tags;
      assert.equal(tag.slug, 'Checkout');
      assert.equal(incidentKey(tag), '2026-03-15 checkout');
    });

    it('allows an empty description, ending the range at the colon', () => {
      const [tag] = findTagsInFile('a.ts', '// INCIDENT-2026-03-15 db:   ').tags;
      assert.equal(tag.description, '');
      assert.deepEqual(tag.range, range(0, 3, 0, 26));
      assert.deepEqual(tag.descriptionRange, range(0, 26, 0, 26));
    });
  });

  describe('in every comment syntax the grammar lists', () => {
    const cases: Array<[string, string, string, Array<[number, number, number, string, string]>]> = [
      ['//', 'a.ts', '// INCIDENT-2026-03-15: slash', [[0, 3, 29, '2026-03-15', 'slash']]],
      ['#', 'a.py', '# INCIDENT-2026-03-15: hash', [[0, 2, 27, '2026-03-15', 'hash']]],
      ['--', 'q.sql', 'SELECT 1; -- INCIDENT-2026-03-15: dash', [[0, 13, 38, '2026-03-15', 'dash']]],
      [';', 'a.clj', ';; INCIDENT-2026-03-15: semicolon', [[0, 3, 33, '2026-03-15', 'semicolon']]],
      ['%', 'a.erl', '% INCIDENT-2026-03-15: percent', [[0, 2, 30, '2026-03-15', 'percent']]],
      [
        '/* */ on one line',
        'a.c',
        'int x; /* INCIDENT-2026-03-15 mem: block */ int y;',
        [[0, 10, 40, '2026-03-15 mem', 'block']],
      ],
      [
        '/* */ over lines',
        'a.java',
        '/*\n * Notes.\n * INCIDENT-2026-03-15: continued\n */',
        [[2, 3, 33, '2026-03-15', 'continued']],
      ],
      [
        '<!-- -->',
        'index.html',
        '<p>x</p> <!-- INCIDENT-2026-03-15: html --> <p>y</p>',
        [[0, 14, 39, '2026-03-15', 'html']],
      ],
      [
        '<!-- --> over lines',
        'notes.md',
        '<!--\nINCIDENT-2026-03-15: markdown comment\n-->',
        [[1, 0, 37, '2026-03-15', 'markdown comment']],
      ],
      ['{- -}', 'a.hs', '{- INCIDENT-2026-03-15: haskell -}', [[0, 3, 31, '2026-03-15', 'haskell']]],
      ['(* *)', 'a.ml', '(* INCIDENT-2026-03-15: ocaml *)', [[0, 3, 29, '2026-03-15', 'ocaml']]],
      [
        '""" docstring',
        'a.py',
        'def f():\n    """\n    INCIDENT-2026-03-15: docstring\n    """',
        [[2, 4, 34, '2026-03-15', 'docstring']],
      ],
      [
        '""" one-line docstring',
        'a.py',
        '    """INCIDENT-2026-03-15: short docstring"""',
        [[0, 7, 43, '2026-03-15', 'short docstring']],
      ],
      ["' VB", 'a.vb', "Dim x = 1 ' INCIDENT-2026-03-15: visual basic", [[0, 12, 45, '2026-03-15', 'visual basic']]],
      ['REM VB', 'a.vbs', 'REM INCIDENT-2026-03-15: rem', [[0, 4, 28, '2026-03-15', 'rem']]],
      [
        'REM batch',
        'a.bat',
        '@rem INCIDENT-2026-03-15: batch\n:: INCIDENT-2026-03-16: colons',
        [
          [0, 5, 31, '2026-03-15', 'batch'],
          [1, 3, 30, '2026-03-16', 'colons'],
        ],
      ],
      [
        '-- Lua and --[[ ]]',
        'a.lua',
        '--[[ INCIDENT-2026-03-15: lua block ]]\n-- INCIDENT-2026-03-16: lua',
        [
          [0, 5, 35, '2026-03-15', 'lua block'],
          [1, 3, 27, '2026-03-16', 'lua'],
        ],
      ],
      ['# YAML', 'ci.yml', 'key: value # INCIDENT-2026-03-15: yaml', [[0, 13, 38, '2026-03-15', 'yaml']]],
      ['# shell', 'run.sh', 'echo ok # INCIDENT-2026-03-15: shell', [[0, 10, 36, '2026-03-15', 'shell']]],
      ['# Dockerfile', 'Dockerfile', '# INCIDENT-2026-03-15: docker', [[0, 2, 29, '2026-03-15', 'docker']]],
      ['<# #> PowerShell', 'a.ps1', '<# INCIDENT-2026-03-15: ps #>', [[0, 3, 26, '2026-03-15', 'ps']]],
      ['=begin Ruby', 'a.rb', '=begin\nINCIDENT-2026-03-15: ruby\n=end', [[1, 0, 25, '2026-03-15', 'ruby']]],
    ];
    for (const [syntax, file, text, expected] of cases) {
      it(`reads a tag in ${syntax} (${file})`, () => {
        assert.deepEqual(tagsOf(file, text), expected);
        assert.deepEqual(findTagsInFile(file, text).problems, []);
      });
    }

    it('reads nested block comments where the language nests them', () => {
      assert.deepEqual(tagsOf('a.hs', '{- outer {- inner -}\nINCIDENT-2026-03-15: still in the comment -}\nmain = x'), [
        [1, 0, 41, '2026-03-15', 'still in the comment'],
      ]);
      assert.deepEqual(tagsOf('a.c', '/* a /* b */\nINCIDENT-2026-03-15: C does not nest */'), []);
    });
  });

  describe('outside comments', () => {
    const ignored: Array<[string, string, string]> = [
      ['a TypeScript string', 'a.ts', 'const s = "// INCIDENT-2026-03-15: in a string";'],
      [
        'a single-quoted string with an escaped quote',
        'a.ts',
        "const s = 'it\\'s // INCIDENT-2026-03-15: still a string';",
      ],
      ['a multi-line template literal', 'a.ts', 'const s = `\n// INCIDENT-2026-03-15: in a template\n`;'],
      ['a Python string', 'a.py', "x = '# INCIDENT-2026-03-15: not a comment'"],
      [
        'a Python triple-quoted string that is not a docstring',
        'a.py',
        'sql = """\n-- INCIDENT-2026-03-15: SQL text\n"""',
      ],
      ['a Go raw string', 'a.go', 'var s = `\n// INCIDENT-2026-03-15: raw\n`'],
      ['a C# verbatim string', 'a.cs', 'var s = @"C:\\dir\\\n// INCIDENT-2026-03-15: verbatim";'],
      ['a shell word with #', 'a.sh', 'echo a#INCIDENT-2026-03-15: not a comment'],
      ['a shell single-quoted string', 'a.sh', "echo '# INCIDENT-2026-03-15: quoted'"],
      ['a VB string', 'a.vb', 's = "\' INCIDENT-2026-03-15: in a string"'],
      ['TeX after an escaped percent', 'a.tex', '50\\% INCIDENT-2026-03-15: not a comment'],
      [
        'Markdown prose and code spans',
        'a.md',
        'INCIDENT-2026-03-15: prose\n`// INCIDENT-2026-03-15: code span`\n```ts\n// INCIDENT-2026-03-15: fenced\n```',
      ],
      ['code itself', 'a.ts', 'const INCIDENT = 1; INCIDENT-2026-03-15;'],
      ['PHP attributes', 'a.php', '<?php #[INCIDENT-2026-03-15: attribute]'],
    ];
    for (const [what, file, text] of ignored) {
      it(`ignores a tag in ${what}`, () => {
        assert.deepEqual(findTagsInFile(file, text), { tags: [], problems: [] });
      });
    }

    it('finds the comment after a string that holds comment markers', () => {
      assert.deepEqual(tagsOf('a.ts', 'fetch("http://x/*"); // INCIDENT-2026-03-15: after'), [
        [0, 24, 50, '2026-03-15', 'after'],
      ]);
    });

    it('does not take a Rust lifetime for a string', () => {
      assert.deepEqual(
        tagsOf('a.rs', "fn f<'a>(x: &'a str) -> char { '\"' } // INCIDENT-2026-03-15: after a lifetime"),
        [[0, 40, 77, '2026-03-15', 'after a lifetime']],
      );
    });

    it('ends an unclosed single-line string at the line end', () => {
      assert.deepEqual(tagsOf('a.ts', 'const s = "unclosed\n// INCIDENT-2026-03-15: next line'), [
        [1, 3, 33, '2026-03-15', 'next line'],
      ]);
    });
  });

  describe('in files of an unknown language', () => {
    it('reads tags after any comment marker of the grammar, and nothing else', () => {
      const text =
        'INCIDENT-2026-03-15: bare text\n; INCIDENT-2026-03-16: semicolon\nx // INCIDENT-2026-03-17: slash\n"""\nINCIDENT-2026-03-18: triple\n"""';
      assert.deepEqual(tagsOf('notes.unknownext', text), [
        [1, 2, 32, '2026-03-16', 'semicolon'],
        [2, 5, 31, '2026-03-17', 'slash'],
        [4, 0, 27, '2026-03-18', 'triple'],
      ]);
      assert.deepEqual(brief(findTags(text, GENERIC_SYNTAX)), tagsOf('no-extension', text));
    });

    it('uses the VS Code language id when the file name says nothing', () => {
      // Without a language, quotes mean nothing: the marker counts and the closing quote ends the description.
      assert.deepEqual(tagsOf('Untitled-1', 'x = "# INCIDENT-2026-03-15: string"'), [
        [0, 7, 35, '2026-03-15', 'string"'],
      ]);
      assert.deepEqual(brief(findTagsInFile('Untitled-1', 'x = "# INCIDENT-2026-03-15: string"', 'python')), []);
    });
  });

  describe('mentions and problems', () => {
    it('leaves a tag that is not the first word of its comment alone (a mention)', () => {
      assert.deepEqual(
        findTagsInFile('a.ts', '// see INCIDENT-2026-03-15: for details\n/** e.g. `// INCIDENT-2026-03-15: x` */'),
        { tags: [], problems: [] },
      );
    });

    it('reports an impossible date, not silently accepting it', () => {
      const scan = findTagsInFile(
        'a.ts',
        '// INCIDENT-2026-02-30: no such day\n// INCIDENT-2025-02-29: not a leap year\n// INCIDENT-2024-02-29: leap day',
      );
      assert.deepEqual(brief(scan), [[2, 3, 32, '2024-02-29', 'leap day']]);
      assert.deepEqual(
        scan.problems.map((p) => [p.code, p.range]),
        [
          ['invalid-date', range(0, 12, 0, 22)],
          ['invalid-date', range(1, 12, 1, 22)],
        ],
      );
      assert.match(scan.problems[0].message, /2026-02-30 is not a real date/);
    });

    it('reports month 13, day 00 and a date not written YYYY-MM-DD', () => {
      const scan = findTagsInFile(
        'a.py',
        '# INCIDENT-2026-13-01: a\n# INCIDENT-2026-03-00: b\n# INCIDENT-2026-3-5: c\n# INCIDENT-2026/03/05: d',
      );
      assert.deepEqual(scan.tags, []);
      assert.deepEqual(
        scan.problems.map((p) => [p.code, p.range]),
        [
          ['invalid-date', range(0, 11, 0, 21)],
          ['invalid-date', range(1, 11, 1, 21)],
          ['malformed-date', range(2, 2, 2, 19)],
          ['malformed-date', range(3, 2, 3, 21)],
        ],
      );
    });

    it('reports a comment that starts like a tag but has no colon', () => {
      const scan = findTagsInFile(
        'a.ts',
        '// INCIDENT-2026-03-15 keep the index\n// INCIDENT-2026-03-15-checkout: joined with a dash',
      );
      assert.deepEqual(
        scan.problems.map((p) => [p.code, p.range]),
        [
          ['missing-colon', range(0, 3, 0, 22)],
          ['missing-colon', range(1, 3, 1, 22)],
        ],
      );
      assert.ok(scan.problems[0].message.includes(TAG_SYNTAX));
    });

    it('does not take other INCIDENT- ids (a ticket number) for tags or problems', () => {
      assert.deepEqual(findTagsInFile('a.ts', '// INCIDENT-4521: see the ticket\n// MY_INCIDENT-2026-03-15: x'), {
        tags: [],
        problems: [],
      });
    });

    it('reads nothing at all in text without the prefix', () => {
      assert.equal('INCIDENT-', TAG_PREFIX);
      assert.deepEqual(findTagsInFile('a.ts', '// incident-2026-03-15: lower case is not a tag'), {
        tags: [],
        problems: [],
      });
    });
  });

  describe('writing tags', () => {
    it('formats a tag the grammar reads back', () => {
      const text = formatTag({
        date: { year: 2026, month: 3, day: 5 },
        slug: 'db-pool',
        description: '  retries\n  exhausted the pool ',
      });
      assert.equal(text, 'INCIDENT-2026-03-05 db-pool: retries exhausted the pool');
      assert.throws(
        () => formatTag({ date: { year: 2026, month: 3, day: 5 }, slug: 'has space', description: 'x' }),
        /cannot be an incident slug/,
      );
    });

    it('writes the comment in the language of the file', () => {
      const tag = { date: { year: 2026, month: 3, day: 15 }, description: 'x' };
      const expected: Array<[string, string | undefined, string]> = [
        ['a.ts', undefined, '// INCIDENT-2026-03-15: x'],
        ['a.py', undefined, '# INCIDENT-2026-03-15: x'],
        ['a.sql', undefined, '-- INCIDENT-2026-03-15: x'],
        ['a.css', undefined, '/* INCIDENT-2026-03-15: x */'],
        ['a.html', undefined, '<!-- INCIDENT-2026-03-15: x -->'],
        ['a.ml', undefined, '(* INCIDENT-2026-03-15: x *)'],
        ['a.vb', undefined, "' INCIDENT-2026-03-15: x"],
        ['a.bat', undefined, 'REM INCIDENT-2026-03-15: x'],
        ['a.clj', undefined, ';; INCIDENT-2026-03-15: x'],
        ['a.tex', undefined, '% INCIDENT-2026-03-15: x'],
        ['Untitled-1', 'python', '# INCIDENT-2026-03-15: x'],
        ['a.unknownext', undefined, '// INCIDENT-2026-03-15: x'],
      ];
      for (const [file, languageId, comment] of expected) {
        assert.equal(tagComment(tag, file, languageId), comment, file);
        // Every comment it writes is read back as the same tag.
        const back = findTagsInFile(file, comment, languageId).tags;
        assert.deepEqual(
          back.map((t) => [t.dateText, t.description]),
          [['2026-03-15', 'x']],
          file,
        );
      }
    });

    it('reads back a tag written for every language it knows', () => {
      for (const language of LANGUAGES) {
        const file = `x.${language.extensions[0]}`;
        const comment = tagComment({ date: { year: 2026, month: 3, day: 15 }, slug: 'a', description: 'b' }, file);
        assert.deepEqual(
          findTagsInFile(file, `${comment}\n`).tags.map((t) => incidentKey(t)),
          ['2026-03-15 a'],
          language.id,
        );
      }
    });
  });

  describe('languageFor', () => {
    it('knows languages by extension, file name and VS Code language id', () => {
      assert.equal(languageFor('src/a.TSX')?.id, 'typescript');
      assert.equal(languageFor('services/api/Dockerfile')?.id, 'config');
      assert.equal(languageFor('Makefile')?.id, 'config');
      assert.equal(languageFor('C:\\repo\\run.ps1')?.id, 'powershell');
      assert.equal(languageFor('Untitled-1', 'shellscript')?.id, 'shell');
      assert.equal(languageFor('notes.unknownext'), undefined);
    });

    it('gives each extension to one language only', () => {
      const seen = new Map<string, string>();
      for (const l of LANGUAGES) {
        for (const ext of l.extensions) {
          assert.equal(seen.get(ext), undefined, `${ext} is claimed by ${seen.get(ext)} and ${l.id}`);
          seen.set(ext, l.id);
        }
      }
    });
  });

  it('reads a 10,000-line file in well under a second', () => {
    const lines: string[] = [];
    for (let i = 0; i < 10_000; i++)
      lines.push(
        i % 500 === 0
          ? `// INCIDENT-2026-03-15: tag ${i}`
          : `const v${i} = "text // not a comment"; /* block */ // plain comment`,
      );
    const started = Date.now();
    const scan = findTagsInFile('big.ts', lines.join('\n'));
    assert.equal(scan.tags.length, 20);
    assert.ok(Date.now() - started < 1000, `${Date.now() - started} ms`);
  });
});
