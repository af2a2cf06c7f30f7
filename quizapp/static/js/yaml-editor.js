// The bank editor: CodeMirror 6 (vendor/codemirror, bundled by the app) over the form's
// text area, which stays the field that is posted. Without JavaScript, or if the bundle
// fails to load, the plain text area is the editor.
const textarea = document.querySelector("textarea[data-codemirror]");
if (textarea) enhance(textarea).catch(() => showTextarea(textarea));

function showTextarea(field) {
  field.hidden = false;
}

// Arabic letters (base, supplement, extended-A, presentation forms).
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
// The YAML parser's nodes for a scalar value, plain or quoted.
const SCALARS = new Set(["Literal", "QuotedLiteral"]);

// CodeMirror's own styles (layout, gutters, cursor) come from style-mod, which writes them
// into a <style> element in a document: the app's Content-Security-Policy (style-src
// 'self') refuses that. A constructed style sheet adopted by the document is no inline
// markup and is allowed, so the modules go there instead (in the order they are mounted
// in, base theme first: later ones win, as in style-mod).
function adoptStyles(StyleModule) {
  const mount = StyleModule.mount;
  const sheet = new CSSStyleSheet();
  const mounted = [];
  StyleModule.mount = function (root, modules, options) {
    if (!root.head || !root.adoptedStyleSheets) return mount.call(this, root, modules, options);
    let changed = false;
    for (const module of [].concat(modules)) {
      if (!mounted.includes(module)) { mounted.push(module); changed = true; }
    }
    if (changed) sheet.replaceSync(mounted.map((module) => module.getRules()).join("\n"));
    if (!root.adoptedStyleSheets.includes(sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
    return undefined;
  };
}

async function enhance(field) {
  const cm = await import(field.dataset.codemirror);
  const {
    EditorView, EditorState, ViewPlugin, Decoration, RangeSetBuilder, keymap, lineNumbers,
    highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, drawSelection,
    history, historyKeymap, defaultKeymap, indentWithTab, indentOnInput, indentUnit,
    syntaxHighlighting, syntaxTree, classHighlighter, yaml, StyleModule,
  } = cm;
  adoptStyles(StyleModule);

  // Each line takes the direction of its first letter (dir="auto", which
  // perLineTextDirection then reads back), and each Arabic value is isolated in its own
  // direction, so that it is ordered by it ("؟" and a final number at its end, on the
  // left) instead of by its line's, also inside {ar: ..., en: ...}.
  const autoLine = Decoration.line({attributes: {dir: "auto"}});
  const isolated = Decoration.mark({class: "cm-value-auto", attributes: {dir: "auto"},
                                    bidiIsolate: null});
  function directions(view) {
    const {doc} = view.state;
    const lines = new RangeSetBuilder();
    const values = new RangeSetBuilder();
    const tree = syntaxTree(view.state);
    for (const {from, to} of view.visibleRanges) {
      for (let pos = from; pos <= to;) {
        const line = doc.lineAt(pos);
        lines.add(line.from, line.from, autoLine);
        pos = line.to + 1;
      }
      tree.iterate({from, to, enter(node) {
        if (SCALARS.has(node.name) && ARABIC.test(doc.sliceString(node.from, node.to))) {
          values.add(node.from, node.to, isolated);
        }
      }});
    }
    return {lines: lines.finish(), values: values.finish()};
  }
  const bidi = ViewPlugin.fromClass(class {
    constructor(view) { Object.assign(this, directions(view)); }
    update(update) {
      if (update.docChanged || update.viewportChanged
          || syntaxTree(update.startState) !== syntaxTree(update.state)) {
        Object.assign(this, directions(update.view));
      }
    }
  }, {
    provide: (plugin) => [
      EditorView.decorations.of((view) => view.plugin(plugin)?.lines || Decoration.none),
      EditorView.decorations.of((view) => view.plugin(plugin)?.values || Decoration.none),
      // Cursor motion follows the isolates' visual order too.
      EditorView.bidiIsolatedRanges.of(
        (view) => view.plugin(plugin)?.values || Decoration.none),
    ],
  });

  const label = document.querySelector(`label[for="${field.id}"]`);
  const help = document.getElementById(`${field.id}-keys`);
  const described = [help && help.id, field.getAttribute("aria-describedby")]
    .filter(Boolean).join(" ");
  const host = document.createElement("div");
  host.className = "yaml-editor-host";
  host.dir = "ltr";
  field.after(host);

  const view = new EditorView({
    parent: host,
    state: EditorState.create({
      doc: field.value,
      extensions: [
        lineNumbers(), highlightActiveLineGutter(), highlightSpecialChars(), history(),
        drawSelection(), highlightActiveLine(), indentOnInput(), indentUnit.of("  "),
        EditorState.tabSize.of(2), yaml(), syntaxHighlighting(classHighlighter),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        // A line that starts in Arabic (a list item, a long text's continuation, a
        // comment) reads right to left; the others left to right.
        EditorView.perLineTextDirection.of(true), bidi, EditorView.lineWrapping,
        EditorView.contentAttributes.of({
          "aria-label": label ? label.textContent.trim() : "YAML",
          ...(described ? {"aria-describedby": described} : {}),
          spellcheck: "false", autocapitalize: "off", autocorrect: "off",
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) field.value = update.state.doc.toString();
        }),
      ],
    }),
  });
  field.hidden = true;
  if (help) help.hidden = false;
  if (label) label.addEventListener("click", () => view.focus());
  // The posted text is always the editor's, whatever happened in between.
  field.form.addEventListener("submit", () => { field.value = view.state.doc.toString(); });
}
