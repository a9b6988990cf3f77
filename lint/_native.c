/* newslint._native: the compiled twins of three pure-Python loops that run for every word of
 * every story. newslint/native.py chooses this module when it imports and the pure-Python code
 * otherwise (no compiler at install time, or NEWSLINT_PURE_PYTHON=1); both give the same answers
 * (tests/test_native.py, and over the dev corpora in its slow test).
 *
 * - scan_words(text, starts, ends, counts): the tokens of text[start:end] for each range, as
 *   newslint.tokens.TOKEN.findall finds them, counted into the dict `counts` in text order;
 * - index_tokens(...) and among(...): a story's tokens scanned once into an index (each token's
 *   word and span, each sentence's first token), and the tokens of the words a rule wants, read from it
 *   (newslint.tokens.index_tokens, tokens_among), and built_tokens(...), the Tokens of those
 *   (newslint.tokens.built_tokens);
 * - near_words(typo, words): the words that are not the typo and at most two edits from it
 *   (optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps);
 *   near_words_in_line(typo, line): the same for the words of one line of the pair tables;
 *   line_index(line) and near_words_in_index(typo, line, index): a long line's words indexed once
 *   (where each is, its length and letters), and the same read from the index;
 * - select_bits(keys, memory, tested, passed): LetterTest.select's walk over a story's words:
 *   (the set of keys whose bits in `memory` say tested and passed, the list of those untested);
 *   read_bits(keys, memory) and split_bits(keys, bits, tested, passed): a story's words' bits
 *   read once (newslint.tokens.StoryBits) and select_bits over them, test by test, no lookup;
 *   select_story(...): split_bits and test_words in one call (LetterTest.select_read);
 *   select_pending(...) and flush_bits(...): the same with the results kept in the story's
 *   pending bits, written into the memory once a word for all the tests (_WordBits.flush);
 * - bare_name(shortest, longest, text): a name as written, its possessive 's cut off, or None;
 * - unlisted_capital(text, minimum, words, wrong): whether a word is capitalised or in capitals,
 *   long enough and of ASCII letters, its lowercase form in neither table (NL101's capitals);
 * - WordTable(data, sep, slots): the keys of a table's lines as a set, a hash table read in the
 *   lines' bytes in place (the word list's words: no frozenset built), and word_table_slots;
 * - edits_among(word, container, filter): the strings one edit from a word that a set, dict or
 *   WordTable holds (newslint.native.edits_among: the listed words one slip from a misspelt word), with
 *   edit_filter(keys), a Bloom filter of a large container's keys that rules most edits out,
 *   and affix_filter(keys), of their openings and endings, that rules most out unhashed;
 *   swap_inside(word, targets): whether a swap of two neighbours inside a word is in one of them;
 * - add_forms(...): a story's word counts added up by the forms each word is counted as (NL1);
 * - weighted_osa(...): the weighted slip cost of a typo against a word, from cost tables;
 * - split_pairs(...): the pairs of lowercase words one space apart whose join may be a word (NL105),
 *   and split_marks(keys, shortest), a filter of the letters about the words' splits it tests first;
 * - may_double(text): whether a word may be followed by itself (NL103's pattern can match), and
 *   double_starts(text), the words that may be (the only places it can match);
 * - digit_runs(text) and matches_at(match, text, starts): where the runs of digits start and end
 *   (as bytes of int32 offsets, which newslint.figures makes arrays of),
 *   and a pattern's finditer matches when they can only start there (newslint.figures), and
 *   marked_starts(text, starts, joiners, marks), the starts of the figures a mark follows (the
 *   NL4 rules' "5%", "5pm", "5:30 GMT"; its twin is in rules/numbers/_common.py) and
 *   marked_starts_many(text, starts, specs), those of several (joiners, marks) in one walk, and
 *   digit_joints(text, lasts), the separators NL401 finds between digits and where a decimal
 *   comma may start (its twin is in rules/numbers/european_number_format.py), and
 *   group_starts(text, runs, mark), where NL401's grouped figures may start (its twin is in
 *   rules/numbers/european_number_format.py);
 *   decimal_starts(text, runs), where NL401's fine decimals may start, and run_starts_into(text,
 *   found), the first digits of runs from their last, in place (their twins are there too);
 *   four_digit_starts(text, starts), the four-digit figures NL402 reads (its twin is in
 *   rules/numbers/thousands_separator_mix.py);
 * - sorted_line(data, key, sep, mode): a line of a table sorted by key, found by binary search in
 *   its bytes (a memory map: the shipped word tables, rules/_tables.py's SortedLines), and
 *   sorted_rest(data, key, sep), the rest of a key's line, found and decoded in one call, and
 *   line_filter(data, sep, bits) and may_hold(filter, word), a filter of its keys that rules most
 *   words out before a search, and
 *   count_lines(data), the number of its lines, and table_rows(data), its rows as a dict (a
 *   table's rows once it is looked up often); line_starts(text, itemsize), where a story's
 *   lines start (newslint.span.LineIndex), and opening_lines(text, openings), the lines that may
 *   open with NL304's furniture (its twin is in rules/structure/boilerplate_line.py);
 * - story_parts(text, span_type, max_headline): the coarse reading of a story that learning
 *   makes (newslint.learn.read_story): its headline, paragraphs and sentences;
 * - name_twins(text): NL202's spaced names (TimeWarner, Time Warner) grouped by their letters,
 *   only the groups of two forms, found without making a string where there are none (its twin
 *   is in rules/naming/name_variant.py), case_pairs(text, twice), whether two of a story's
 *   names written twice stand together twice and once with the second in lowercase (NL202's
 *   case variants; its twin is there too), case_pairs_of(text, written, counts, most), the
 *   same of the names it picks from a story's, near_name_pairs(queries, written, few), the
 *   pairs of a name that may vary and a name near it in shape (NL202's one-letter variants),
 *   name_keys(low) and keyed_near(keyed, keys, crowd), the keys of a name and the names near
 *   it read by them (NL202's NearNames over a shape that a big file fills; twins there),
 *   capitalised_starts(text, pairs), where a story's
 *   capitalised words and the words after them open its names' lowercase forms (its twin there
 *   as well), capital_before(text, start, lookback, loose), the capitalised word or initial
 *   just before a name's use (NL202's partners of a name; its twin in
 *   rules/naming/_entities.py), title_runs(text, words, ids, starts, at), the runs of
 *   capitalised words that may be names of several words (NL202's case variants; its twin
 *   there), form_twins(text), NL204's abbreviations written two
 *   ways (US, U.S.; its twin in rules/naming/abbreviation_style.py), mixed_forms(text, lists),
 *   those of them NL204 compares (words and names left out; its twin there too), and capital_forms(text,
 *   start), the forms NL204 learns from (those whose letters the story writes in capitals),
 *   and form_places(text, forms), where a big file writes the forms NL204 compares (its twin,
 *   `_places_twin`, there);
 * - whole_words(text, words, most): how many of a few words a story writes as words (NL201's
 *   wire-desk subjects; its twin is rules/naming/english_variety_mix.py's `_subjects`);
 * - figure_words(text, starts, words, most): how many figures of a digit or two open a word, 25 May
 *   (NL201's day-month dates; its twin is rules/naming/english_variety_mix.py's `_figure_word_count`);
 * - unit_ends(text, lasts, most): how many figures run into a unit, 4.5bn or 10km (NL201's
 *   sign; its twin is rules/naming/english_variety_mix.py's `_unit_count`);
 * - substrings_held(text, needles): which of a few literals a story holds, as bits (NL201's
 *   signs' literals; its twin is rules/naming/english_variety_mix.py's `_held`);
 * - sentence_spans(...): the sentences of a story's paragraphs (newslint.segment._sentences), and
 *   block_spans(...) and paragraph_spans(...), its blocks and their paragraphs, and
 *   column_gap(text), whether it may hold a table (newslint.segment's _blocks, _paragraphs, _tables),
 *   and table_lines(text), the lines that may be a table's (newslint.segment._table_lines);
 * - control_bytes(data): how many of a file's bytes are control bytes (newslint.sources's
 *   _looks_binary; its twin is there);
 * - url_hint(text) and sic_hint(text): whether a story may hold an address or a [sic] mark
 *   (newslint.segment's _may_hold_url and _sic_spans);
 * - joined_at(at, ids, joins, size): the places whose word and the next one's join into a
 *   compound (NL203's open pairs);
 * - repeated_starts(text, spans, mixed): the spans whose first letters and digits another's
 *   share (NL302's paragraphs, NL305's sentences; its twins are in rules/structure/_text.py);
 * - quote_marks(text, paragraphs): the quotation marks of each paragraph, and
 *   quotation_spans(...), the quotations they make (newslint.quotations);
 * - story_spans(...) and plain_story(...): a plain-text story's parts, all of the above in one
 *   call (newslint.segment's story_spans and plain_story, their twins).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <structmember.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
/* A cache line fetched ahead of its read (a hint: nothing where the compiler has none, as MSVC,
 * so that the extension builds there too). */
#if defined(__GNUC__)
#define PREFETCH(at) __builtin_prefetch(at)
#else
#define PREFETCH(at) ((void)(at))
#endif

/* `out`, a new tuple of n empty slots, filled with `items`, which it takes; NULL when `out` is
 * NULL (an error set), every item let go then (`tuple_of_new`, `named_tuple`). */
static PyObject *
filled_tuple(PyObject *out, PyObject *const *items, Py_ssize_t n)
{
    Py_ssize_t i;
    if (out == NULL) {
        for (i = 0; i < n; i++)
            Py_XDECREF(items[i]);
        return NULL;
    }
    for (i = 0; i < n; i++)
        PyTuple_SET_ITEM(out, i, items[i]);
    return out;
}

/* A tuple of the n objects `items`, each a new reference it takes (Py_BuildValue's "(NN...)"
 * without its format string read at each call: 400-700 instructions a tuple, against some 60,
 * for the results a story's compiled helpers return). NULL when one of them is NULL (its error
 * set by whatever made it); every item is let go then. (named_tuple, below, makes a tuple of a
 * subclass through its tp_alloc; an exact tuple comes from PyTuple_New's free lists.) */
static PyObject *
tuple_of_new(Py_ssize_t n, PyObject *const *items)
{
    Py_ssize_t i;
    for (i = 0; i < n; i++)
        if (items[i] == NULL)
            break;
    return filled_tuple(i == n ? PyTuple_New(n) : NULL, items, n);
}

/* The tuple (a, b) of two Py_ssize_t as ints (Py_BuildValue's "(nn)"). */
static PyObject *
ssize_pair(Py_ssize_t a, Py_ssize_t b)
{
    PyObject *items[2] = {PyLong_FromSsize_t(a), PyLong_FromSsize_t(b)};
    return tuple_of_new(2, items);
}

/* The character classes of Python's re module for str patterns (Modules/_sre/sre.c):
 * \w is alphanumeric or '_', \d is a decimal digit, [^\W\d_] a \w that is neither. */
#define IS_WORD(ch) ((ch) < 128 ? ASCII_CLASS[ch] != 0 : (Py_UNICODE_ISALNUM(ch) || (ch) == '_'))
#define IS_DIGIT(ch) ((ch) < 128 ? ASCII_CLASS[ch] == ASCII_DIGIT : Py_UNICODE_ISDECIMAL(ch))
#define IS_LETTER(ch) ((ch) < 128 ? ASCII_CLASS[ch] == ASCII_LETTER : (IS_WORD(ch) && !IS_DIGIT(ch)))
/* [A-Z] and [a-z]: the ASCII letters several scans test by case. */
#define IS_ASCII_UPPER(ch) ((ch) >= 'A' && (ch) <= 'Z')
#define IS_ASCII_LOWER(ch) ((ch) >= 'a' && (ch) <= 'z')

/* The same classes of the ASCII characters, read from a table: most characters of a story are
 * ASCII, and Python's Unicode tests are a function call or four each (0: no \w). */
enum { ASCII_LETTER = 1, ASCII_DIGIT = 2, ASCII_UNDERSCORE = 3 };
static const unsigned char ASCII_CLASS[128] = {
    ['0'] = 2, ['1'] = 2, ['2'] = 2, ['3'] = 2, ['4'] = 2, ['5'] = 2, ['6'] = 2, ['7'] = 2, ['8'] = 2, ['9'] = 2,
    ['_'] = 3,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1,
    ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1,
    ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1,
    ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1,
    ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

/* IS_WORD of each byte value, as a one-byte text's characters (Latin-1), filled from IS_WORD itself
 * when the module is made: the token scans of a one-byte text test each character with one load,
 * where IS_WORD tests its range first and calls Python's tests above 127. */
static unsigned char WORD_BYTE[256];

/* Past a run of the class from `j`, then of joined runs (a separator and one or more of the
 * class) as long as they go on: digits joined by [.,:] (the regex's \d*(?:[.,:]\d+)+), or
 * \w joined by ['’-] (\w*+(?:['’\-]\w++)*+). `groups` (if given) counts the joins. With
 * `open_end` (a one-byte text whose character at `end` is no \w, so no run reads past it) the
 * runs test no bound and read \w from WORD_BYTE. */
static inline __attribute__((always_inline)) Py_ssize_t
joined_run(int kind, const void *data, Py_ssize_t j, Py_ssize_t end, int digits, Py_ssize_t *groups, int open_end)
{
#define IN_CLASS(ch) (digits ? IS_DIGIT(ch) : open_end ? WORD_BYTE[ch] != 0 : IS_WORD(ch))
    for (;;) {
        Py_UCS4 sep;
        while ((open_end || j < end) && IN_CLASS(PyUnicode_READ(kind, data, j)))
            j++;
        if (j + 1 >= end)
            return j;
        sep = PyUnicode_READ(kind, data, j);
        if (digits ? !(sep == '.' || sep == ',' || sep == ':') : !(sep == '\'' || sep == 0x2019 || sep == '-'))
            return j;
        if (!IN_CLASS(PyUnicode_READ(kind, data, j + 1)))
            return j;
        j += 2;
        if (groups)
            (*groups)++;
    }
#undef IN_CLASS
}

/* The end of the token that starts at `p` (text[p] is \w), reading no further than `end`:
 * TOKEN = \w(?:(?<=[^\W\d_])\.(?:[^\W\d_]\.)+|(?<=\d)\d*(?:[.,:]\d+)+|\w*+(?:['’\-]\w++)*+)
 * Each alternative's loops are greedy and the first that matches wins, as in the regex. */
static inline __attribute__((always_inline)) Py_ssize_t
token_end_of(int kind, const void *data, Py_ssize_t p, Py_ssize_t end, int open_end)
{
    Py_UCS4 first = PyUnicode_READ(kind, data, p);
    Py_ssize_t j;
    if (IS_LETTER(first)) { /* U.S. */
        j = p + 1;
        if (j < end && PyUnicode_READ(kind, data, j) == '.') {
            Py_ssize_t k = j + 1, pairs = 0;
            while (k + 1 < end && IS_LETTER(PyUnicode_READ(kind, data, k)) &&
                   PyUnicode_READ(kind, data, k + 1) == '.') {
                k += 2;
                pairs++;
            }
            if (pairs)
                return k;
        }
    }
    if (IS_DIGIT(first)) { /* 450.000, 5:50 */
        Py_ssize_t groups = 0;
        j = joined_run(kind, data, p + 1, end, 1, &groups, open_end);
        if (groups)
            return j;
    }
    return joined_run(kind, data, p + 1, end, 0, NULL, open_end); /* regime's, al-Qaeda */
}

static Py_ssize_t
token_end(int kind, const void *data, Py_ssize_t p, Py_ssize_t end)
{
    return token_end_of(kind, data, p, end, 0);
}

/* token_end in a text of one-byte characters whose character at `end` is no \w: its kind fixed,
 * so that each character is read with one load, not through PyUnicode_READ's tests of the kind
 * (-O2 does not take those out of the loops), and a word's run stops at `end` with no bound
 * tested. Out of line: `index_sentence_1` calls it only for a token whose run a joiner and a \w
 * follow. */
static __attribute__((noinline)) Py_ssize_t
token_end_1_open(const void *data, Py_ssize_t p, Py_ssize_t end)
{
    return token_end_of(PyUnicode_1BYTE_KIND, data, p, end, 1);
}

/* counts[word] += 1 (counts a dict of ints) */
static int
count_word(PyObject *counts, PyObject *word)
{
    PyObject *old = PyDict_GetItemWithError(counts, word), *new; /* borrowed */
    int err;
    if (old == NULL && PyErr_Occurred())
        return -1;
    new = PyLong_FromSsize_t(old == NULL ? 1 : PyLong_AsSsize_t(old) + 1);
    if (new == NULL)
        return -1;
    if (PyErr_Occurred()) {
        Py_DECREF(new);
        return -1;
    }
    err = PyDict_SetItem(counts, word, new);
    Py_DECREF(new);
    return err;
}

/* The tokens of text[start:end] counted into `counts`, and appended to the list `tokens` unless
 * it is NULL. */
static int
count_range(PyObject *text, Py_ssize_t start, Py_ssize_t end, PyObject *counts, PyObject *tokens)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), p;
    if (start < 0)
        start = 0;
    if (end > n)
        end = n;
    p = start;
    while (p < end) {
        Py_ssize_t e;
        PyObject *word;
        if (!IS_WORD(PyUnicode_READ(kind, data, p))) {
            p++;
            continue;
        }
        e = token_end(kind, data, p, end);
        word = PyUnicode_Substring(text, p, e);
        if (word == NULL)
            return -1;
        if ((tokens != NULL && PyList_Append(tokens, word) < 0) || count_word(counts, word) < 0) {
            Py_DECREF(word);
            return -1;
        }
        Py_DECREF(word);
        p = e;
    }
    return 0;
}

/* The argument checks of the METH_FASTCALL functions: PyArg_ParseTuple's, without the tuple made
 * for each call and the walk of its format (some 700 instructions a call, for calls made
 * thousands of times a story). They take what its format letters took and raise the errors it
 * raised, by type (a TypeError for a wrong count or type), each now naming the function and the
 * argument. The BAD_ macros read the function's `args` and `nargs`, and are true on an error. */
static int
wrong_count(const char *name, Py_ssize_t nargs, Py_ssize_t least, Py_ssize_t most)
{
    if (least == most)
        PyErr_Format(PyExc_TypeError, "%s() takes exactly %zd argument%s (%zd given)", name, least,
                     least == 1 ? "" : "s", nargs);
    else
        PyErr_Format(PyExc_TypeError, "%s() takes from %zd to %zd arguments (%zd given)", name, least, most, nargs);
    return 1;
}

static int
wrong_type(const char *name, Py_ssize_t i, const char *wanted, PyObject *arg)
{
    PyErr_Format(PyExc_TypeError, "%s() argument %zd must be %s, not %.50s", name, i + 1, wanted,
                 arg == Py_None ? "None" : Py_TYPE(arg)->tp_name);
    return 1;
}

#define BAD_COUNT(least, most) ((nargs < (least) || nargs > (most)) && wrong_count(__func__, nargs, least, most))
#define BAD_TYPE(i, check, wanted) (!check(args[i]) && wrong_type(__func__, i, wanted, args[i]))
#define BAD_STR(i) BAD_TYPE(i, PyUnicode_Check, "str")
/* A METH_O function's one argument, a str. */
#define BAD_STR_O(arg) (!PyUnicode_Check(arg) && wrong_type(__func__, 0, "str", arg))

/* Format 'n': an integer (anything with __index__) as a Py_ssize_t, OverflowError past its range. */
static int
ssize_arg(const char *name, PyObject *const *args, Py_ssize_t i, Py_ssize_t *out)
{
    if (PyLong_Check(args[i]))
        *out = PyLong_AsSsize_t(args[i]);
    else if (PyIndex_Check(args[i]))
        *out = PyNumber_AsSsize_t(args[i], PyExc_OverflowError);
    else
        return -wrong_type(name, i, "int", args[i]);
    return *out == -1 && PyErr_Occurred() ? -1 : 0;
}

/* Format 'i': an integer as an int, OverflowError past its range. */
static int
int_arg(const char *name, PyObject *const *args, Py_ssize_t i, int *out)
{
    long value;
    if (!PyLong_Check(args[i]) && !PyIndex_Check(args[i]))
        return -wrong_type(name, i, "int", args[i]);
    value = PyLong_AsLong(args[i]);
    if (value == -1 && PyErr_Occurred())
        return -1;
    if (value > INT_MAX || value < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, value > INT_MAX ? "signed integer is greater than maximum"
                                                             : "signed integer is less than minimum");
        return -1;
    }
    *out = (int)value;
    return 0;
}

/* Format 'y*': a bytes-like object's contiguous buffer, to be released by the caller. The
 * exporter's own error stays (a BufferError for a memoryview with gaps), but for no buffer at all. */
static int
buffer_arg(const char *name, PyObject *const *args, Py_ssize_t i, Py_buffer *view)
{
    if (PyObject_GetBuffer(args[i], view, PyBUF_SIMPLE) < 0) {
        if (!PyErr_ExceptionMatches(PyExc_TypeError))
            return -1;
        PyErr_Clear();
        return -wrong_type(name, i, "bytes-like object", args[i]);
    }
    if (!PyBuffer_IsContiguous(view, 'C')) {
        PyBuffer_Release(view);
        return -wrong_type(name, i, "contiguous buffer", args[i]);
    }
    return 0;
}

/* Format 'y#': the bytes of bytes, or of a read-only bytes-like object (one with nothing to
 * release: its bytes stay where they are while the caller reads them). */
static int
bytes_arg(const char *name, PyObject *const *args, Py_ssize_t i, const char **data, Py_ssize_t *size)
{
    PyBufferProcs *procs = Py_TYPE(args[i])->tp_as_buffer;
    Py_buffer view;
    if (PyBytes_Check(args[i])) {
        *data = PyBytes_AS_STRING(args[i]);
        *size = PyBytes_GET_SIZE(args[i]);
        return 0;
    }
    if (procs != NULL && procs->bf_releasebuffer != NULL)
        return -wrong_type(name, i, "read-only bytes-like object", args[i]);
    if (buffer_arg(name, args, i, &view) < 0)
        return -1;
    *data = view.buf;
    *size = view.len;
    PyBuffer_Release(&view);
    return 0;
}

/* Format 's': a str's UTF-8 bytes, held by the str; ValueError where it holds a NUL. */
static int
utf8_arg(const char *name, PyObject *const *args, Py_ssize_t i, const char **out)
{
    Py_ssize_t size;
    if (!PyUnicode_Check(args[i]))
        return -wrong_type(name, i, "str", args[i]);
    *out = PyUnicode_AsUTF8AndSize(args[i], &size);
    if (*out == NULL)
        return -1;
    if (strlen(*out) != (size_t)size) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return -1;
    }
    return 0;
}

#define BAD_SSIZE(i, out) (ssize_arg(__func__, args, i, &(out)) < 0)
#define BAD_INT(i, out) (int_arg(__func__, args, i, &(out)) < 0)
#define BAD_BUFFER(i, view) (buffer_arg(__func__, args, i, &(view)) < 0)
#define BAD_BYTES(i, data, size) (bytes_arg(__func__, args, i, &(data), &(size)) < 0)
#define BAD_UTF8(i, out) (utf8_arg(__func__, args, i, &(out)) < 0)

static PyObject *
scan_words(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *starts, *ends, *counts;
    Py_ssize_t i, size;
    if (BAD_COUNT(4, 4) || BAD_STR(0) || BAD_TYPE(1, PyList_Check, "list") || BAD_TYPE(2, PyList_Check, "list") ||
        BAD_TYPE(3, PyDict_Check, "dict"))
        return NULL;
    text = args[0], starts = args[1], ends = args[2], counts = args[3];
    size = PyList_GET_SIZE(starts);
    if (PyList_GET_SIZE(ends) != size) {
        PyErr_SetString(PyExc_ValueError, "scan_words: starts and ends differ in length");
        return NULL;
    }
    for (i = 0; i < size; i++) {
        Py_ssize_t start = PyLong_AsSsize_t(PyList_GET_ITEM(starts, i));
        Py_ssize_t end;
        if (start == -1 && PyErr_Occurred())
            return NULL;
        end = PyLong_AsSsize_t(PyList_GET_ITEM(ends, i));
        if (end == -1 && PyErr_Occurred())
            return NULL;
        if (count_range(text, start, end, counts, NULL) < 0)
            return NULL;
    }
    Py_RETURN_NONE;
}

/* A growing array of int32 for the token index, kept in a bytearray that the index returns as it
 * is (no copy): grown by an eighth (or to the room a text's rate foretells: `pair_room`), so that
 * a big file's index never takes twice its size while it is built (doubled buffers and their
 * copies took 76 MB for 10 MB of text). */
typedef struct {
    PyObject *obj; /* a bytearray, or NULL before the first push or while the room is lent */
    int *data;     /* the bytearray's, or lent room (`intbuf_lend`), or NULL */
    Py_ssize_t size, cap;
} IntBuf;

/* Room lent to index_tokens' buffers while it reads a text, kept from one text to the next: a
 * story's arrays fit (its tokens and sentences), and each is copied into a bytearray of its
 * size once read, where a bytearray of 256 values was allocated and then shrunk for each
 * (malloc and realloc: some 600 instructions an array, four arrays a story). A bigger text's
 * fill it and go on in a bytearray as before (`intbuf_grow`). */
#define LENT_INTS 4096
static int lent_room[6][LENT_INTS]; /* (the sixth: `among`'s tokens, read with no call between) */

/* b (empty) reads into lent room `i` until that is full. */
static void
intbuf_lend(IntBuf *b, int i)
{
    b->data = lent_room[i];
    b->cap = LENT_INTS;
}

/* Room for `want` values, or for an eighth more when that is more. 0, or -1 on error. */
static int
intbuf_grow_to(IntBuf *b, Py_ssize_t want)
{
    Py_ssize_t cap = b->cap + (b->cap >> 3) + 256;
    if (want > cap)
        cap = want;
    if (b->obj == NULL) {
        b->obj = PyByteArray_FromStringAndSize(NULL, cap * (Py_ssize_t)sizeof(int));
        if (b->obj != NULL && b->size > 0) /* out of lent room: its values moved over */
            memcpy(PyByteArray_AS_STRING(b->obj), b->data, (size_t)b->size * sizeof(int));
    } else if (PyByteArray_Resize(b->obj, cap * (Py_ssize_t)sizeof(int)) < 0)
        return -1;
    if (b->obj == NULL)
        return -1;
    b->data = (int *)PyByteArray_AS_STRING(b->obj);
    b->cap = cap;
    return 0;
}

static int
intbuf_grow(IntBuf *b)
{
    return intbuf_grow_to(b, 0);
}

/* Inline: four pushes a token, where a call each cost more than the store. */
static inline int
intbuf_push(IntBuf *b, Py_ssize_t value)
{
    if (b->size == b->cap && intbuf_grow(b) < 0)
        return -1;
    b->data[b->size++] = (int)value;
    return 0;
}

/* The pushed values as a bytearray of exactly their size (a new reference), the buffer let go. */
static PyObject *
intbuf_take(IntBuf *b)
{
    PyObject *obj = b->obj;
    const int *lent = obj == NULL ? b->data : NULL;
    b->obj = NULL;
    b->data = NULL;
    b->cap = 0;
    if (obj == NULL) /* (no push, or all in lent room: copied) */
        return PyByteArray_FromStringAndSize((const char *)lent, lent != NULL ? b->size * (Py_ssize_t)sizeof(int) : 0);
    if (PyByteArray_Resize(obj, b->size * (Py_ssize_t)sizeof(int)) < 0) {
        Py_DECREF(obj);
        return NULL;
    }
    return obj;
}

static void
intbuf_free(IntBuf *b)
{
    Py_CLEAR(b->obj);
    b->data = NULL;
}

/* Int32s: the token index's int32 arrays as handed to Python (`newslint.tokens.TokenIndex`): a
 * sequence of ints (len, index, iteration) and a read-only buffer of format "i" over the bytearray
 * the index grew (not copied). A memoryview of the bytearray cast to "i" was two more objects and
 * two Python calls an array, four arrays a story; this is one object, made in C. */
typedef struct {
    PyObject_HEAD
    PyObject *bytes; /* the bytearray of the values, never resized while held here */
    Py_ssize_t n;    /* the number of values (also the buffer's shape) */
} Int32s;

static Py_ssize_t int32s_stride = sizeof(int);
static PyTypeObject *int32s_type; /* set at the module's init */

static void
int32s_dealloc(Int32s *self)
{
    PyTypeObject *type = Py_TYPE(self);
    Py_XDECREF(self->bytes);
    type->tp_free((PyObject *)self);
    Py_DECREF(type);
}

static Py_ssize_t
int32s_length(Int32s *self)
{
    return self->n;
}

static PyObject *
int32s_item(Int32s *self, Py_ssize_t i)
{
    if (i < 0 || i >= self->n) {
        PyErr_SetString(PyExc_IndexError, "Int32s index out of range");
        return NULL;
    }
    return PyLong_FromLong(((const int *)PyByteArray_AS_STRING(self->bytes))[i]);
}

/* self[key]: an int for an index (negative ones from the end), a memoryview of format "i" for a
 * slice. */
static PyObject *
int32s_subscript(Int32s *self, PyObject *key)
{
    if (PyIndex_Check(key)) {
        Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        return int32s_item(self, i < 0 ? i + self->n : i);
    }
    if (PySlice_Check(key)) {
        PyObject *view = PyMemoryView_FromObject((PyObject *)self), *out;
        if (view == NULL)
            return NULL;
        out = PyObject_GetItem(view, key);
        Py_DECREF(view);
        return out;
    }
    PyErr_Format(PyExc_TypeError, "Int32s indices must be integers or slices, not %.200s", Py_TYPE(key)->tp_name);
    return NULL;
}

static int
int32s_getbuffer(Int32s *self, Py_buffer *view, int flags)
{
    if (flags & PyBUF_WRITABLE) {
        PyErr_SetString(PyExc_BufferError, "Int32s: read-only");
        view->obj = NULL;
        return -1;
    }
    view->obj = Py_NewRef((PyObject *)self);
    view->buf = PyByteArray_AS_STRING(self->bytes);
    view->len = self->n * (Py_ssize_t)sizeof(int);
    view->readonly = 1;
    view->itemsize = sizeof(int);
    view->format = (flags & PyBUF_FORMAT) ? "i" : NULL;
    view->ndim = 1;
    view->shape = (flags & PyBUF_ND) ? &self->n : NULL;
    view->strides = (flags & PyBUF_STRIDES) == PyBUF_STRIDES ? &int32s_stride : NULL;
    view->suboffsets = NULL;
    view->internal = NULL;
    return 0;
}

static PyType_Slot int32s_slots[] = {
    {Py_tp_dealloc, int32s_dealloc},
    {Py_sq_length, int32s_length},
    {Py_sq_item, int32s_item},
    {Py_mp_subscript, int32s_subscript},
    {Py_mp_length, int32s_length},
    {Py_bf_getbuffer, int32s_getbuffer},
    {Py_tp_doc, "The token index's int32s: a sequence of ints and a read-only buffer of format 'i'."},
    {0, NULL},
};

static PyType_Spec int32s_spec = {
    "newslint._native.Int32s", sizeof(Int32s), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    int32s_slots,
};

/* The pushed values as an Int32s over a bytearray of exactly their size (a new reference), the
 * buffer let go. */
static PyObject *
intbuf_take_int32s(IntBuf *b)
{
    PyObject *bytes = intbuf_take(b);
    Int32s *out;
    if (bytes == NULL)
        return NULL;
    out = PyObject_New(Int32s, int32s_type);
    if (out == NULL) {
        Py_DECREF(bytes);
        return NULL;
    }
    out->bytes = bytes;
    out->n = PyByteArray_GET_SIZE(bytes) / (Py_ssize_t)sizeof(int);
    return (PyObject *)out;
}

/* The (start, end) pairs of a sequence of spans (2-tuples of ints: newslint.span.Span), read into
 * two arrays (freed with PyMem_Free): the token index, the paragraphs and the quotation marks read
 * a story's spans as they are, with no lists of their offsets built in Python for each story. */
static int
read_spans(PyObject *spans, Py_ssize_t **starts_out, Py_ssize_t **ends_out, Py_ssize_t *size)
{
    PyObject *seq = PySequence_Fast(spans, "the spans must be a sequence");
    Py_ssize_t i, n;
    Py_ssize_t *starts, *ends;
    if (seq == NULL)
        return -1;
    n = PySequence_Fast_GET_SIZE(seq);
    starts = PyMem_Malloc((n ? n : 1) * sizeof(Py_ssize_t));
    ends = PyMem_Malloc((n ? n : 1) * sizeof(Py_ssize_t));
    if (starts == NULL || ends == NULL) {
        PyErr_NoMemory();
        goto fail;
    }
    for (i = 0; i < n; i++) {
        PyObject *span = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyTuple_Check(span) || PyTuple_GET_SIZE(span) != 2) {
            PyErr_SetString(PyExc_TypeError, "a span is a (start, end) tuple");
            goto fail;
        }
        starts[i] = PyLong_AsSsize_t(PyTuple_GET_ITEM(span, 0));
        ends[i] = PyLong_AsSsize_t(PyTuple_GET_ITEM(span, 1));
        if ((starts[i] == -1 || ends[i] == -1) && PyErr_Occurred())
            goto fail;
    }
    Py_DECREF(seq);
    *starts_out = starts;
    *ends_out = ends;
    *size = n;
    return 0;
fail:
    Py_DECREF(seq);
    PyMem_Free(starts);
    PyMem_Free(ends);
    return -1;
}

/* SpanSet.touches_range over sorted, disjoint [starts[i], ends[i]): the last member starting
 * before `end` reaches past `start`. */
static int
touches_range(const Py_ssize_t *starts, const Py_ssize_t *ends, Py_ssize_t n, Py_ssize_t start,
              Py_ssize_t end)
{
    Py_ssize_t lo = 0, hi = n;
    while (lo < hi) { /* bisect_left(starts, end) */
        Py_ssize_t mid = (lo + hi) / 2;
        if (starts[mid] < end)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && ends[lo - 1] > start;
}

/* The distinct words of one text met by index_tokens, found by their characters in the text
 * without a str built for each token: each word's first place (start, length) and the hash of
 * its raw data there, in an open-addressed table of ids. Two places in one text hold the same
 * word exactly when their raw data (of the text's one kind) are equal. A slot is 8 bytes, the
 * id + 1 (0: empty) in the low half and the hash's high half above it, so that a probe of another
 * word is settled by the slot alone; an id's entry is one struct (one cache line or two, not one
 * in each of five arrays): the table lives from one text to the next, and between two texts the
 * rules' data push it out of the cache. */
typedef struct {
    Py_ssize_t at, len; /* where the word was first met, and its length */
    Py_uhash_t hash;
    Py_ssize_t uses;    /* how many tokens are the word (index_tokens's counts) */
    PyObject *word;     /* the word's str (a reference), once index_tokens built it */
    Py_hash_t kept;     /* its str's hash when a look ahead found it not kept (`intern_look_ahead`), else -1 */
    Py_ssize_t hint;    /* where that look ahead found it kept, INTERN_ABSENT, or INTERN_UNKNOWN */
} WordEntry;
typedef struct {
    uint64_t *slots;      /* a power of two of them in use (mask + 1), of `nslots` allocated */
    Py_ssize_t mask;      /* the slots in use - 1 */
    WordEntry *entry;     /* per id, `ncap` allocated */
    Py_ssize_t size, cap; /* ids held, room for ids in the slots in use (half of them) */
    Py_ssize_t nslots, ncap;
} WordTable;
#define SLOT_TAG(h) ((uint64_t)(h) & ~(uint64_t)0xFFFFFFFF)

/* The raw data of a word read 8 (or 4) bytes at a time, by loads that stay inside it (a short
 * word's two loads overlap): a story's words are a few letters each, and a hash's loop of a
 * multiply a byte (FNV-1a's), and memcmp's call, were most of the cost of finding a token's id. */
static inline uint64_t
load_8(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static inline uint64_t
load_4(const unsigned char *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static inline uint64_t
mix_64(uint64_t x)
{
    x *= 0x9E3779B97F4A7C15ULL;
    x ^= x >> 32;
    x *= 0xD6E8FEB86659FD93ULL;
    return x ^ (x >> 29);
}

/* A hash of raw[:bytes] for WordTable (and so the kept words, `interned_word`) and `compound_splits`'
 * lowercase forms (`lower_slot`), which only compare hashes of their own. */
static inline Py_uhash_t
word_hash(const unsigned char *raw, Py_ssize_t bytes)
{
    uint64_t h = (uint64_t)bytes * 0xC2B2AE3D27D4EB4FULL;
    if (bytes >= 8) {
        const unsigned char *last = raw + bytes - 8;
        for (; raw < last; raw += 8)
            h = mix_64(h ^ load_8(raw));
        return (Py_uhash_t)mix_64(h ^ load_8(last));
    }
    if (bytes >= 4)
        return (Py_uhash_t)mix_64(h ^ (load_4(raw) | load_4(raw + bytes - 4) << 32));
    if (bytes > 0)
        h ^= (uint64_t)raw[0] | (uint64_t)raw[bytes >> 1] << 8 | (uint64_t)raw[bytes - 1] << 16;
    return (Py_uhash_t)mix_64(h);
}

/* WordTable's hash of a token's raw data raw[:bytes], `room` bytes of the text's from raw on: up to
 * eight bytes are read as one integer (little-endian, zero above them: by one load and a mask
 * where eight bytes from raw are the text's, else byte by byte) mixed with their number; more, by
 * word_hash. The mix is a bijection of 64 bits (two multiplies by odd numbers and two xor-shifts),
 * so two tokens of eight bytes or fewer, of one number of bytes, are equal exactly when their
 * hashes are (`word_table_id` compares no bytes then). */
static inline Py_uhash_t
token_hash(const unsigned char *raw, Py_ssize_t bytes, Py_ssize_t room)
{
    uint64_t v = 0;
    if (bytes > 8)
        return word_hash(raw, bytes);
#if PY_LITTLE_ENDIAN
    if (room >= 8)
        v = load_8(raw) & (~(uint64_t)0 >> (64 - 8 * bytes)); /* (a token is one character or more) */
    else
#endif
    {
        unsigned char eight[8] = {0};
        (void)room;
        memcpy(eight, raw, (size_t)bytes);
        v = load_8(eight);
    }
    return (Py_uhash_t)mix_64(v ^ (uint64_t)bytes * 0xC2B2AE3D27D4EB4FULL);
}

/* Whether a[:n] and b[:n] are equal (memcmp(a, b, n) == 0), inline and by the loads above. */
static inline int
same_bytes(const unsigned char *a, const unsigned char *b, Py_ssize_t n)
{
    Py_ssize_t i;
    if (n >= 8) {
        for (i = 0; i + 8 < n; i += 8)
            if (load_8(a + i) != load_8(b + i))
                return 0;
        return load_8(a + n - 8) == load_8(b + n - 8);
    }
    if (n >= 4)
        return load_4(a) == load_4(b) && load_4(a + n - 4) == load_4(b + n - 4);
    for (i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

/* slots[:n] zeroed */
static void
zero_slots(uint64_t *slots, Py_ssize_t n)
{
#if defined(__SSE2__)
    /* by 16-byte stores (memset's `rep stosb` counts a byte an instruction under callgrind) */
    __m128i zero = _mm_setzero_si128(), *at = (__m128i *)slots, *end = at + n / 2;
    for (; at < end; at += 4) { /* (128 slots at least: 64 stores) */
        _mm_storeu_si128(at, zero);
        _mm_storeu_si128(at + 1, zero);
        _mm_storeu_si128(at + 2, zero);
        _mm_storeu_si128(at + 3, zero);
    }
#else
    memset(slots, 0, (size_t)n * sizeof(uint64_t));
#endif
}

/* Room for twice the ids: the slots in use doubled (within those allocated when they suffice,
 * else newly allocated), and the ids held put in them again from their hashes. */
static int
word_table_grow(WordTable *t)
{
    /* 64 words first: a story has a hundred or so */
    Py_ssize_t cap = t->cap ? 2 * t->cap : 64, nslots = 2 * cap, i;
    uint64_t *slots = t->slots;
    if (cap > (Py_ssize_t)0x7FFFFFFF) { /* (ids are int32s) */
        PyErr_NoMemory();
        return -1;
    }
    if (cap > t->ncap) {
        WordEntry *entry = PyMem_Realloc(t->entry, cap * sizeof(WordEntry));
        if (entry == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        t->entry = entry;
        t->ncap = cap;
    }
    if (nslots > t->nslots) {
        if ((slots = PyMem_Calloc(nslots, sizeof(uint64_t))) == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        PyMem_Free(t->slots);
        t->slots = slots;
        t->nslots = nslots;
    } else
        zero_slots(slots, nslots);
    for (i = 0; i < t->size; i++) { /* at most half the slots are taken: a free one is found */
        Py_uhash_t h = t->entry[i].hash;
        Py_ssize_t j = (Py_ssize_t)(h & (Py_uhash_t)(nslots - 1));
        while (slots[j])
            j = (j + 1) & (nslots - 1);
        slots[j] = SLOT_TAG(h) | (uint64_t)(i + 1);
    }
    t->mask = nslots - 1;
    t->cap = cap;
    return 0;
}

/* The id of the word at text[p:e] (raw data `data` of `kind`, `room` bytes of them from the word's
 * on, or at least eight), a new one (the next id, with *is_new set) when the table has not met it;
 * -1 on error. */
static inline __attribute__((always_inline)) Py_ssize_t
word_table_id(WordTable *t, int kind, const void *data, Py_ssize_t room, Py_ssize_t p, Py_ssize_t e, int *is_new)
{
    const unsigned char *raw = (const unsigned char *)data + p * kind;
    Py_ssize_t n = e - p, j;
    Py_uhash_t h = token_hash(raw, n * kind, room);
    /* (a hash of 64 bits tells the bytes of eight or fewer: `token_hash`) */
    int compared = n * kind > 8 || sizeof(Py_uhash_t) < 8;
    uint64_t tag = SLOT_TAG(h), slot;
    WordEntry *new;
    *is_new = 0;
    if (t->size == t->cap && word_table_grow(t) < 0)
        return -1;
    for (j = (Py_ssize_t)(h & (Py_uhash_t)t->mask); (slot = t->slots[j]) != 0; j = (j + 1) & t->mask) {
        if ((slot & ~(uint64_t)0xFFFFFFFF) == tag) {
            Py_ssize_t id = (Py_ssize_t)(slot & 0xFFFFFFFF) - 1;
            const WordEntry *old = &t->entry[id];
            if (old->hash == h && old->len == n &&
                (!compared || same_bytes((const unsigned char *)data + old->at * kind, raw, n * kind)))
                return id;
        }
    }
    t->slots[j] = tag | (uint64_t)(t->size + 1);
    new = &t->entry[t->size];
    new->at = p;
    new->len = n;
    new->hash = h;
    *is_new = 1;
    return t->size++;
}

static void
word_table_free(WordTable *t)
{
    PyMem_Free(t->slots);
    PyMem_Free(t->entry);
}

/* index_tokens's table, kept from one text to the next (its ids' slots zeroed, its words let go):
 * allocating and zeroing a table for each story cost more than its lookups. A table grown past
 * SPARE_WORDS (a big file's) is freed instead, so that no big table stays held; a call made
 * while the spare is in use (a collection's finalizer calling back) builds its own. */
#define SPARE_WORDS 1024
static WordTable spare_table;
static int spare_busy;

/* The table let go of a text: the word references of ids `kept` on let go (those before were
 * handed on); freed when it grew past SPARE_WORDS. */
static void
word_table_done(WordTable *t, Py_ssize_t kept)
{
    Py_ssize_t i;
    for (i = kept; i < t->size; i++)
        Py_XDECREF(t->entry[i].word);
    if (t != &spare_table || t->ncap > SPARE_WORDS) {
        word_table_free(t);
        memset(t, 0, sizeof(*t));
    } else
        t->size = 0; /* (its slots zeroed as the next text begins: `word_table_start`) */
    if (t == &spare_table)
        spare_busy = 0;
}

/* The table made ready for a text of `length` characters: as many slots as it will likely need
 * zeroed in one pass (for a word every eight characters: most stories have one every ten or
 * so; a text with more grows them), which also brings them into the cache the text's lookups read
 * them from (finding each id's slot again, as the last text ended, cost more, and left them to be
 * missed again). Once a long story had grown the kept table, every story after it zeroed all its
 * slots (2,048 of them, 16 KB): most of the time of a short story's table, and of its L1 cache. */
static void
word_table_start(WordTable *t, Py_ssize_t length)
{
    if (t->slots != NULL) {
        Py_ssize_t cap = 64;
        while (cap < length / 8 && 4 * cap <= t->nslots) /* (128 slots at least are allocated) */
            cap *= 2;
        zero_slots(t->slots, 2 * cap);
        t->mask = 2 * cap - 1;
        t->cap = cap;
    }
    t->size = 0;
}

static int all_letters(PyObject *word); /* str.isalpha(), with the learning loops below */

/* The words index_tokens built for earlier texts of one-byte characters, kept (up to
 * INTERN_LIMIT, then let go all at once) by the hash of their characters (`token_hash`) that
 * WordTable reads anyway: a corpus repeats its words from story to story, and a word met again is the str
 * already made, its Python hash already computed, not a new str hashed again for the counts.
 * A slot is one 16-byte entry, the str and its hash: a lookup reads one cache line (three arrays,
 * the str, the hash and the letters apart, cost up to three misses a word, the first thing a
 * story's new words wait on). The hash is whole (the two flags a slot holds are in its address's
 * lowest bits, zero in any PyObject's), so that a word of eight bytes or fewer is told by its hash
 * and length alone, as `word_table_id` tells it (`token_hash`), and only longer ones compared. */
#define INTERN_SLOTS ((Py_ssize_t)1 << 16)
#define INTERN_LIMIT (INTERN_SLOTS / 2)
typedef struct {
    uintptr_t word;  /* a str's address, or 0; bit 1 set when the word was met again since the
                        table was last thinned, bit 0 its all_letters(word) */
    Py_uhash_t hash; /* the token_hash of its characters */
} InternSlot;
#define INTERN_MET ((uintptr_t)2)
#define INTERN_STR(tagged) ((PyObject *)((tagged) & ~(uintptr_t)3))
_Static_assert(_Alignof(PyObject) >= 4, "a PyObject's address has two zero bits for the kept words' flags");
static InternSlot *interns;
static Py_ssize_t intern_count;
/* A word's home slot */
#define INTERN_HOME(h) ((Py_ssize_t)((Py_uhash_t)(h) & (Py_uhash_t)(INTERN_SLOTS - 1)))

/* Whether the kept word of `slot` (taken) is raw[:n], of hash h: by its hash and length alone when
 * n is eight or fewer (the hash tells those bytes), else by its characters too. Every kept word is
 * a str of one-byte characters (made of a one-byte text's, or read_bits's str equal to them). */
static inline int
intern_is(const InternSlot *slot, Py_uhash_t h, const Py_UCS1 *raw, Py_ssize_t n)
{
    PyObject *word = INTERN_STR(slot->word);
    return slot->hash == h && PyUnicode_GET_LENGTH(word) == n &&
           ((n <= 8 && sizeof(Py_uhash_t) >= 8) || same_bytes(PyUnicode_1BYTE_DATA(word), raw, n));
}

/* the read_bits table's str of raw[:n] (h: its hash, or -1 to compute it) */
static PyObject *kept_word(const Py_UCS1 *raw, Py_ssize_t n, Py_hash_t h);
/* the hash kept_word reads raw[:n] by, its slot there prefetched; -1 when it would find nothing */
static Py_hash_t kept_prefetch(const Py_UCS1 *raw, Py_ssize_t n);
static void kept_prefetch_word(Py_hash_t h); /* the str in that slot prefetched */

/* The kept words' slot of hash h fetched into the cache ahead of its lookup (no effect before the
 * table is made), and the str it holds (after the slot was fetched, some words before). */
#define INTERN_AHEAD 12
static inline void
intern_prefetch(Py_uhash_t h)
{
    if (interns != NULL)
        PREFETCH(&interns[INTERN_HOME(h)]);
}

/* What a look ahead found of a word (`WordEntry.hint`): its slot, or one of these. No word is kept
 * between a look ahead and the lookup of its word (a text's words are distinct), and thinning
 * only lets words go or moves them: a word found absent is absent still, and one found at a slot
 * is looked for there first (and by the whole walk, when not there: moved). */
#define INTERN_UNKNOWN (-1)
#define INTERN_ABSENT (-2)

/* A look some words ahead of the word of `entry` (of raw data `raw`), whose slot was prefetched:
 * the str of the slot whose tag is its hash's prefetched, or, when no slot's is (it is not
 * kept), read_bits's slot for it prefetched and the str's hash kept in the entry for
 * interned_word. The tags alone are read (the strs they point at are what is being fetched). */
static inline void
intern_look_ahead(WordEntry *entry, const Py_UCS1 *raw)
{
    Py_uhash_t h = entry->hash;
    Py_ssize_t j;
    PyObject *word;
    entry->kept = -1;
    entry->hint = INTERN_UNKNOWN;
    if (interns == NULL)
        return;
    for (j = INTERN_HOME(h); (word = INTERN_STR(interns[j].word)) != NULL; j = (j + 1) & (INTERN_SLOTS - 1))
        if (interns[j].hash == h) {
            PREFETCH(word);
            entry->hint = j;
            return;
        }
    entry->hint = INTERN_ABSENT;
    entry->kept = kept_prefetch(raw + entry->at, entry->len);
}

/* The full table thinned: the words not met again since it was last thinned let go (all of
 * them when the rest would still fill most of it), the others moved to where a lookup finds
 * them. Letting all go at once, as it was, made the next stories build again the strs of their
 * common words (and ask read_bits's table for them): a quarter of the words made anew. In place:
 * from a slot that was empty, each word in turn is put in the first free slot from its home,
 * which is at or before its own (no run of slots reaches across the empty one). */
static void
intern_thin(void)
{
    Py_ssize_t i, k, start = 0, mask = INTERN_SLOTS - 1, met = 0;
    for (i = 0; i < INTERN_SLOTS; i++)
        met += (interns[i].word & INTERN_MET) != 0;
    while (interns[start].word != 0) /* (at most half the slots are taken) */
        start++;
    for (i = 0; i < INTERN_SLOTS; i++)
        if (interns[i].word != 0 && (met > INTERN_LIMIT / 2 || !(interns[i].word & INTERN_MET))) {
            Py_DECREF(INTERN_STR(interns[i].word));
            interns[i].word = 0;
        }
    intern_count = 0;
    for (k = 1; k < INTERN_SLOTS; k++) {
        InternSlot slot;
        Py_ssize_t j;
        i = (start + k) & mask;
        if (interns[i].word == 0)
            continue;
        slot = interns[i];
        interns[i].word = 0;
        for (j = INTERN_HOME(slot.hash); interns[j].word != 0; j = (j + 1) & mask)
            ;
        interns[j].word = slot.word & ~INTERN_MET;
        interns[j].hash = slot.hash;
        intern_count++;
    }
}

/* The kept word of `slot` (found again): a new reference, marked met, its all_letters in *letters */
static inline PyObject *
intern_met(InternSlot *slot, int *letters)
{
    PyObject *word = INTERN_STR(slot->word);
    Py_INCREF(word);
    slot->word |= INTERN_MET;
    *letters = (int)(slot->word & 1);
    return word;
}

/* text[p:p + n] as a str (text is of one-byte kind, its characters `chars`: read once by the
 * caller for all its words; h is token_hash of those characters): the one kept, or a new one, kept
 * (kept: the hash of its str, or -1 when not known; hint: what a look ahead found,
 * `INTERN_UNKNOWN` when none was made). NULL on error. *letters is set to its all_letters, or to -1 when
 * the word is not kept (no room for the table). A word not kept here that read_bits's table
 * holds is that table's str (`kept_word`): once this table was let go, a story's words were
 * new strs equal to the ones the memories hold, each lookup there a comparison of characters
 * where it had been one of addresses. */
static PyObject *
interned_word(PyObject *text, const Py_UCS1 *chars, Py_ssize_t p, Py_ssize_t n, Py_uhash_t h, Py_hash_t kept,
              Py_ssize_t hint, int *letters)
{
    const Py_UCS1 *raw = chars + p;
    Py_ssize_t j, mask = INTERN_SLOTS - 1;
    PyObject *word;
    if (interns == NULL) {
        interns = PyMem_Calloc(INTERN_SLOTS, sizeof(InternSlot));
        if (interns == NULL) {
            *letters = -1;
            return PyUnicode_Substring(text, p, p + n); /* nothing kept */
        }
    }
    if (hint >= 0 && interns[hint].word != 0 && intern_is(&interns[hint], h, raw, n))
        return intern_met(&interns[hint], letters); /* where the look ahead found it */
    for (j = INTERN_HOME(h); interns[j].word != 0; j = (j + 1) & mask)
        if (hint != INTERN_ABSENT && intern_is(&interns[j], h, raw, n))
            return intern_met(&interns[j], letters);
    word = kept_word(raw, n, kept);
    if (word == NULL) {
        if (PyErr_Occurred())
            return NULL;
        word = PyUnicode_Substring(text, p, p + n);
        if (word == NULL)
            return NULL;
        if (kept != -1) /* its hash, its bytes' (`kept_word`), known: not computed again for its counts */
            ((PyASCIIObject *)word)->hash = kept;
    }
    if (intern_count >= INTERN_LIMIT) { /* thinned: its free slot found again */
        intern_thin();
        for (j = INTERN_HOME(h); interns[j].word != 0; j = (j + 1) & mask)
            ;
    }
    *letters = all_letters(word);
    interns[j].word = (uintptr_t)Py_NewRef(word) | (uintptr_t)(*letters != 0);
    interns[j].hash = h;
    intern_count++;
    return word;
}


/* A dict made for n keys. `_PyDict_NewPresized` is private API, free to leave later Pythons'
 * headers, so it is used only on the versions it was measured on (3.11, 3.12); from 3.13 on an
 * ordinary dict is made: the extension must build on every Python newslint supports, and the
 * output is the same either way. */
#if PY_VERSION_HEX < 0x030D0000
#define new_presized(n) _PyDict_NewPresized(n)
#else
#define new_presized(n) ((void)(n), PyDict_New())
#endif

/* WordCounts: a story's word counts (`Prose.word_counts`) as index_tokens read them, a read-only
 * mapping of str -> int in the order of first use (what a Counter of them gives: a missing key
 * counts 0). Each word's entry and an open-addressed table of their indices by the words' hashes,
 * made in one walk: a dict took a full lookup and an insertion a word (some 200 instructions,
 * 3% of a check), and most stories look up a few dozen of their hundred words. */
typedef struct {
    PyObject *word; /* a str (a reference) */
    PyObject *uses; /* an int (a reference) */
    Py_hash_t hash;
} CountEntry;
typedef struct {
    PyObject_HEAD
    PyObject *words;    /* the list of the words, in order (shared with `counted`: read-only) */
    CountEntry *entry;  /* n of them, then the slots */
    int32_t *slots;     /* mask + 1, each an index + 1 (0: empty) */
    Py_ssize_t n, mask;
    size_t bytes;       /* the entries' and slots' allocation */
} WordCounts;

static PyTypeObject *word_counts_type; /* set at the module's init */

/* The hash of a str (computed, and kept in it, on first use: no code runs). */
static Py_hash_t
str_hash(PyObject *word)
{
    Py_hash_t h = ((PyASCIIObject *)word)->hash;
    return h != -1 ? h : PyObject_Hash(word);
}

/* The int n (a new reference): up to 256 (nearly every count) from a table made as they are met,
 * without PyLong_FromSsize_t's call and tests. */
static PyObject *small_counts[257];

static PyObject *
count_int_made(Py_ssize_t n)
{
    if (n < 0 || n > 256)
        return PyLong_FromSsize_t(n);
    if (small_counts[n] == NULL && (small_counts[n] = PyLong_FromSsize_t(n)) == NULL)
        return NULL;
    return Py_NewRef(small_counts[n]);
}

/* (inline where the table holds it: a call a word cost as much as the rest of its test) */
static inline PyObject *
count_int(Py_ssize_t n)
{
    if ((size_t)n <= 256 && small_counts[n] != NULL)
        return Py_NewRef(small_counts[n]);
    return count_int_made(n);
}

/* The index of `key`'s entry, -1 when it has none, -2 on error (an unhashable key). */
static Py_ssize_t
wc_find(const WordCounts *wc, PyObject *key)
{
    Py_hash_t h = PyUnicode_CheckExact(key) ? str_hash(key) : PyObject_Hash(key);
    Py_ssize_t j;
    int32_t s;
    if (h == -1)
        return -2;
    for (j = (Py_ssize_t)((size_t)h & (size_t)wc->mask); (s = wc->slots[j]) != 0; j = (j + 1) & wc->mask) {
        const CountEntry *e = &wc->entry[s - 1];
        int eq;
        if (e->word == key)
            return s - 1;
        if (e->hash != h)
            continue;
        if (PyUnicode_CheckExact(key)) /* (two str: no code of theirs runs, no error) */
            eq = PyUnicode_Compare(e->word, key) == 0;
        else if ((eq = PyObject_RichCompareBool(e->word, key, Py_EQ)) < 0)
            return -2;
        if (eq)
            return s - 1;
    }
    return -1;
}

/* counts[key] of a dict or a WordCounts (borrowed), NULL when it lacks the key or on error (set):
 * PyDict_GetItemWithError for the two kinds of word counts the rules' compiled helpers read. */
static PyObject *
counts_get(PyObject *counts, PyObject *key)
{
    Py_ssize_t i;
    if (!Py_IS_TYPE(counts, word_counts_type))
        return PyDict_GetItemWithError(counts, key);
    i = wc_find((const WordCounts *)counts, key);
    return i >= 0 ? ((const WordCounts *)counts)->entry[i].uses : NULL;
}

/* PyDict_Next for a dict or a WordCounts (borrowed key and value). */
static int
counts_next(PyObject *counts, Py_ssize_t *pos, PyObject **key, PyObject **value)
{
    const WordCounts *wc = (const WordCounts *)counts;
    if (!Py_IS_TYPE(counts, word_counts_type))
        return PyDict_Next(counts, pos, key, value);
    if (*pos < 0 || *pos >= wc->n)
        return 0;
    *key = wc->entry[*pos].word;
    *value = wc->entry[*pos].uses;
    ++*pos;
    return 1;
}

/* Word counts a compiled helper takes: a dict (a Counter) or a WordCounts. */
static int
is_counts(PyObject *obj)
{
    return PyDict_Check(obj) || Py_IS_TYPE(obj, word_counts_type);
}

/* The buffer of the last WordCounts let go (one a story, a few KB: malloc's, not pymalloc's),
 * kept for the next one while it is small: its allocation and freeing cost some 450 instructions
 * a story. */
#define WC_SPARE_BYTES ((size_t)1 << 14)
static CountEntry *wc_spare;
static size_t wc_spare_bytes;

/* A WordCounts for `words` (a list of n distinct str, held): room for n entries (none made yet)
 * and its slots zeroed, at least twice as many as n; NULL on error. */
static WordCounts *
wc_alloc(PyObject *words, Py_ssize_t n)
{
    Py_ssize_t size = 16; /* (a multiple of 16 slots: zero_slots' stores) */
    size_t bytes;
    WordCounts *wc;
    while (size < 2 * n)
        size *= 2;
    bytes = (size_t)n * sizeof(CountEntry) + (size_t)size * sizeof(int32_t);
    if ((wc = PyObject_New(WordCounts, word_counts_type)) == NULL)
        return NULL;
    wc->words = Py_NewRef(words);
    wc->n = 0;
    wc->mask = size - 1;
    if (wc_spare != NULL && wc_spare_bytes >= bytes) {
        wc->entry = wc_spare, wc->bytes = wc_spare_bytes;
        wc_spare = NULL;
    } else if ((wc->entry = PyMem_Malloc(bytes)) != NULL)
        wc->bytes = bytes;
    else {
        wc->bytes = 0;
        Py_DECREF(wc);
        return (WordCounts *)PyErr_NoMemory();
    }
    wc->slots = (int32_t *)(wc->entry + n);
    zero_slots((uint64_t *)wc->slots, size / 2);
    return wc;
}

/* The next entry made: `word` (an exact str, not among the entries) with `uses` uses, in the first
 * free slot from its hash's. 0, or -1 on error. */
static inline int
wc_add(WordCounts *wc, PyObject *word, Py_ssize_t uses)
{
    CountEntry *e = &wc->entry[wc->n];
    Py_ssize_t j;
    if ((e->hash = str_hash(word)) == -1 || (e->uses = count_int(uses)) == NULL)
        return -1;
    e->word = Py_NewRef(word);
    for (j = (Py_ssize_t)((size_t)e->hash & (size_t)wc->mask); wc->slots[j] != 0; j = (j + 1) & wc->mask)
        ;
    wc->slots[j] = (int32_t)(++wc->n);
    return 0;
}

/* A WordCounts of `words` (a list of distinct str, held) and each one's uses (`n`
 * of them); NULL on error. */
static PyObject *
wc_new(PyObject *words, const Py_ssize_t *uses)
{
    Py_ssize_t n = PyList_GET_SIZE(words), i;
    WordCounts *wc = wc_alloc(words, n);
    for (i = 0; wc != NULL && i < n; i++) {
        PyObject *word = PyList_GET_ITEM(words, i);
        Py_ssize_t found = -2; /* (-2: an error) */
        if (!PyUnicode_CheckExact(word))
            wrong_type("word_counts", 0, "a list of str", word);
        else if ((found = wc_find(wc, word)) >= 0)
            PyErr_SetString(PyExc_ValueError, "word_counts: a word given twice");
        if (found != -1 || wc_add(wc, word, uses[i]) < 0)
            Py_CLEAR(wc);
    }
    return (PyObject *)wc;
}

static void
wc_dealloc(WordCounts *wc)
{
    PyTypeObject *type = Py_TYPE(wc);
    Py_ssize_t i;
    for (i = 0; i < wc->n; i++) {
        Py_DECREF(wc->entry[i].word);
        Py_DECREF(wc->entry[i].uses);
    }
    if (wc_spare == NULL && wc->bytes <= WC_SPARE_BYTES)
        wc_spare = wc->entry, wc_spare_bytes = wc->bytes;
    else
        PyMem_Free(wc->entry);
    Py_XDECREF(wc->words);
    type->tp_free((PyObject *)wc);
    Py_DECREF(type);
}

static Py_ssize_t
wc_length(WordCounts *wc)
{
    return wc->n;
}

/* wc[key]: the key's uses, 0 for a key it lacks (a Counter's answer). */
static PyObject *
wc_subscript(WordCounts *wc, PyObject *key)
{
    Py_ssize_t i = wc_find(wc, key);
    return i == -2 ? NULL : i < 0 ? PyLong_FromLong(0) : Py_NewRef(wc->entry[i].uses);
}

static int
wc_contains(WordCounts *wc, PyObject *key)
{
    Py_ssize_t i = wc_find(wc, key);
    return i == -2 ? -1 : i >= 0;
}

static PyObject *
wc_iter(WordCounts *wc)
{
    return PyObject_GetIter(wc->words);
}

/* get(key, default=None) */
static PyObject *
wc_get(WordCounts *wc, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t i;
    if (BAD_COUNT(1, 2) || (i = wc_find(wc, args[0])) == -2)
        return NULL;
    return Py_NewRef(i >= 0 ? wc->entry[i].uses : nargs == 2 ? args[1] : Py_None);
}

/* keys(), values(), items(): lists, in the words' order */
static PyObject *
wc_keys(WordCounts *wc, PyObject *unused)
{
    (void)unused;
    return PyList_GetSlice(wc->words, 0, wc->n);
}

static PyObject *
wc_values(WordCounts *wc, PyObject *unused)
{
    PyObject *out = PyList_New(wc->n);
    Py_ssize_t i;
    (void)unused;
    for (i = 0; out != NULL && i < wc->n; i++)
        PyList_SET_ITEM(out, i, Py_NewRef(wc->entry[i].uses));
    return out;
}

static PyObject *
wc_items(WordCounts *wc, PyObject *unused)
{
    PyObject *out = PyList_New(wc->n);
    Py_ssize_t i;
    (void)unused;
    for (i = 0; out != NULL && i < wc->n; i++) {
        PyObject *item = PyTuple_Pack(2, wc->entry[i].word, wc->entry[i].uses);
        if (item == NULL)
            Py_CLEAR(out);
        else
            PyList_SET_ITEM(out, i, item);
    }
    return out;
}

/* == and != with a dict (a Counter) or another WordCounts: the same keys, each with an equal
 * count (a dict's ==: neither one's order counts). */
static PyObject *
wc_richcompare(WordCounts *wc, PyObject *other, int op)
{
    Py_ssize_t i;
    int same = 1;
    if ((op != Py_EQ && op != Py_NE) || !(PyDict_Check(other) || PyObject_TypeCheck(other, word_counts_type)))
        Py_RETURN_NOTIMPLEMENTED;
    if (PyObject_Size(other) != wc->n)
        same = 0;
    for (i = 0; same && i < wc->n; i++) {
        PyObject *theirs = counts_get(other, wc->entry[i].word);
        if (theirs == NULL)
            return PyErr_Occurred() ? NULL : PyBool_FromLong(op == Py_NE);
        Py_INCREF(theirs);
        same = PyObject_RichCompareBool(wc->entry[i].uses, theirs, Py_EQ);
        Py_DECREF(theirs);
        if (same < 0)
            return NULL;
    }
    return PyBool_FromLong(same == (op == Py_EQ));
}

static PyMethodDef wc_methods[] = {
    {"get", (PyCFunction)(void (*)(void))wc_get, METH_FASTCALL, "get(key, default=None): the key's uses, or default."},
    {"keys", (PyCFunction)wc_keys, METH_NOARGS, "keys(): the words in order, as a list."},
    {"values", (PyCFunction)wc_values, METH_NOARGS, "values(): each word's uses in order, as a list."},
    {"items", (PyCFunction)wc_items, METH_NOARGS, "items(): (word, uses) in order, as a list."},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot wc_slots[] = {
    {Py_tp_dealloc, wc_dealloc},
    {Py_tp_iter, wc_iter},
    {Py_tp_methods, wc_methods},
    {Py_tp_richcompare, wc_richcompare},
    {Py_sq_contains, wc_contains},
    {Py_mp_length, wc_length},
    {Py_sq_length, wc_length},
    {Py_mp_subscript, wc_subscript},
    {Py_tp_doc, "A story's word counts in the order of first use, read-only: word_counts(words, uses)."},
    {0, NULL},
};

static PyType_Spec wc_spec = {
    "newslint._native.WordCounts", sizeof(WordCounts), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    wc_slots,
};

/* word_counts(words, uses): the WordCounts of `words` (a list of distinct str) and each one's
 * uses (a sequence of as many ints): a Counter of them, read-only (`Prose.word_counts`). */
static PyObject *
word_counts(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *seq, *out;
    Py_ssize_t i, n, *uses;
    if (BAD_COUNT(2, 2) || BAD_TYPE(0, PyList_Check, "list"))
        return NULL;
    if ((seq = PySequence_Fast(args[1], "word_counts() argument 2 must be a sequence of int")) == NULL)
        return NULL;
    n = PyList_GET_SIZE(args[0]);
    if (PySequence_Fast_GET_SIZE(seq) != n) {
        Py_DECREF(seq);
        PyErr_SetString(PyExc_ValueError, "word_counts: as many uses as words");
        return NULL;
    }
    if ((uses = PyMem_Malloc((n ? n : 1) * sizeof(Py_ssize_t))) == NULL) {
        Py_DECREF(seq);
        return PyErr_NoMemory();
    }
    for (i = 0; i < n; i++)
        if ((uses[i] = PyLong_AsSsize_t(PySequence_Fast_GET_ITEM(seq, i))) == -1 && PyErr_Occurred())
            break;
    out = i < n ? NULL : wc_new(args[0], uses);
    PyMem_Free(uses);
    Py_DECREF(seq);
    return out;
}

/* counts[words[i]] = entry[i].uses for each of `words` (a list of distinct str), in order, but those
 * whose indices are `skip` (ascending, `nskip` of them). Into an empty dict they go through a
 * new dict made big enough for all of them, which `counts` then takes whole (the merge of a dict
 * into an empty one copies its table): inserted one by one, a story's hundred words grew the
 * dict five times over. `counted` (a list, or None) gets one more item: those words, in that
 * order, as a list. */
static int
counts_into(PyObject *counts, PyObject *words, const WordEntry *entry, const int *skip, Py_ssize_t nskip,
            PyObject *counted)
{
    Py_ssize_t i, n = PyList_GET_SIZE(words), k = 0, m = 0;
    PyObject *into = n - nskip > 5 && PyDict_GET_SIZE(counts) == 0 ? new_presized(n - nskip) : Py_NewRef(counts);
    PyObject *keys = counted != Py_None ? PyList_New(n - nskip) : NULL;
    int err = into == NULL || (counted != Py_None && keys == NULL) ? -1 : 0;
    for (i = 0; err == 0 && i < n; i++) {
        PyObject *count, *word = PyList_GET_ITEM(words, i);
        if (k < nskip && skip[k] == i) {
            k++;
            continue;
        }
        if (keys != NULL)
            PyList_SET_ITEM(keys, m++, Py_NewRef(word));
        count = PyLong_FromSsize_t(entry[i].uses);
        err = count == NULL ? -1 : PyDict_SetItem(into, word, count);
        Py_XDECREF(count);
    }
    if (err == 0 && into != counts)
        err = PyDict_Update(counts, into);
    if (err == 0 && keys != NULL) /* (all filled: no error left one out) */
        err = PyList_Append(counted, keys);
    Py_XDECREF(into);
    Py_XDECREF(keys); /* (a slot an error left empty is NULL: let go as such) */
    return err;
}

/* counts_into for no dict given: `counted` (a list) gets two items, the words (a list, as
 * counts_into gives it) and their WordCounts (`Prose.word_counts`), made in one walk (the words
 * are distinct, exact strs: none is looked for among the others). */
static int
counted_into(PyObject *words, const WordEntry *entry, const int *skip, Py_ssize_t nskip, PyObject *counted)
{
    Py_ssize_t i, n = PyList_GET_SIZE(words), k = 0, m = 0, next = nskip > 0 ? skip[0] : n;
    PyObject *keys = PyList_New(n - nskip);
    WordCounts *wc = keys == NULL ? NULL : wc_alloc(keys, n - nskip);
    int err = wc == NULL ? -1 : 0;
    for (i = 0; err == 0 && i < n; i++) {
        PyObject *word = PyList_GET_ITEM(words, i);
        if (i == next) { /* (skip is ascending) */
            next = ++k < nskip ? skip[k] : n;
            continue;
        }
        PyList_SET_ITEM(keys, m++, Py_NewRef(word));
        err = wc_add(wc, word, entry[i].uses);
    }
    if (err == 0)
        err = PyList_Append(counted, keys) < 0 || PyList_Append(counted, (PyObject *)wc) < 0 ? -1 : 0;
    Py_XDECREF(wc);
    Py_XDECREF(keys); /* (a slot an error left empty is NULL: let go as such) */
    return err;
}

static int not_a_word(PyObject *word); /* its token kind is not WORD (newslint.tokens._classify) */

/* What index_tokens' loop over a text's sentences reads and fills (`index_sentence_1`, `_any`). */
typedef struct {
    WordTable *table;
    const void *data;                  /* the text's characters, */
    Py_ssize_t n;                      /* and their number */
    const Py_ssize_t *bstarts, *bends; /* the blocked spans */
    Py_ssize_t nblock;
    IntBuf *ids, *starts, *firsts;     /* index_tokens' arrays */
} TokenScan;

/* The id of the token text[p:e] for index_tokens (`room`: as word_table_id's), its word's uses
 * counted (a new word's str is made once every token is read); -1 on error. */
static inline __attribute__((always_inline)) Py_ssize_t
count_token(WordTable *table, int kind, const void *data, Py_ssize_t room, Py_ssize_t p, Py_ssize_t e)
{
    int is_new;
    Py_ssize_t id = word_table_id(table, kind, data, room, p, e, &is_new);
    if (id < 0)
        return -1;
    if (is_new) {
        table->entry[id].word = NULL;
        table->entry[id].uses = 1;
        if (kind == PyUnicode_1BYTE_KIND)
            intern_prefetch(table->entry[id].hash);
    } else
        table->entry[id].uses++;
    return id;
}

/* The joiners of TOKEN's runs in a one-byte text: ['’-] between \w (’ is not one byte), [.,:]
 * between digits, '.' in U.S. A run of \w followed by none of them, or by one that no \w follows,
 * ends its token whatever the token's first character (`index_sentence_1`). */
static const unsigned char JOIN_BYTE[256] = {['\''] = 1, ['-'] = 1, ['.'] = 1, [','] = 1, [':'] = 1};

/* ids[size] and starts[size] made room for (they grow together, one value each a token), of a
 * text of n characters: the smaller of their rooms after, or -1 on error. A full buffer grows to
 * the number of tokens the text would have at the rate of those read so far (the last one's start
 * is starts[size - 1]), and a sixteenth more, or by an eighth when that is more: grown by an
 * eighth alone, a big file's arrays were copied some 30 times over as they grew (6 M instructions
 * of memcpy for 1 MB of text). Room not written is not touched, and the arrays are cut to their
 * size when taken (`intbuf_take`). */
static Py_ssize_t
pair_room(IntBuf *ids, IntBuf *starts, Py_ssize_t size, Py_ssize_t n)
{
    Py_ssize_t read = size > 0 ? (Py_ssize_t)starts->data[size - 1] + 1 : n, want = size;
    if (read > 0 && read < n)
        want = (Py_ssize_t)((double)size * (double)n / (double)read * 1.0625) + 256;
    ids->size = starts->size = size;
    if ((ids->size == ids->cap && intbuf_grow_to(ids, want) < 0) ||
        (starts->size == starts->cap && intbuf_grow_to(starts, want) < 0))
        return -1;
    return ids->cap < starts->cap ? ids->cap : starts->cap;
}

/* The tokens of one sentence, text[p:end] (p < end), of a text of one-byte characters (nearly
 * every story) that touches no blocked span and whose character at `end` is no \w (the text's
 * terminating NUL at its end: `index_tokens`), read into the table and the arrays. Its own
 * function, whose values stay in registers (the arrays' ends are locals, their room checked once
 * a token for both), where in index_tokens they were kept on the stack and read again for each
 * token. A token's end is its first run of \w, read with no bound, unless a joiner and a \w
 * follow it (the whole TOKEN then: `token_end_1_open`); the next token is looked for past the
 * non-word that ends a run. `wide`: eight bytes of the text or more from `end` on, so that a
 * token's hash reads its bytes with one load (`token_hash`), known without a test. 0, or -1 on
 * error. */
static inline __attribute__((always_inline)) int
index_sentence_1_of(TokenScan *s, Py_ssize_t p, Py_ssize_t end, int wide)
{
    const Py_UCS1 *chars = s->data, *at = chars + p, *stop = chars + end;
    int *ids = s->ids->data, *starts = s->starts->data;
    Py_ssize_t size = s->ids->size, opening = size;
    Py_ssize_t room = s->ids->cap < s->starts->cap ? s->ids->cap : s->starts->cap;
    for (;;) {
        const Py_UCS1 *past, *next; /* the token's end, and where the next is looked for */
        Py_ssize_t id;
        while (at < stop && !WORD_BYTE[*at])
            at++;
        if (at >= stop)
            break;
        for (past = at + 1; WORD_BYTE[*past]; past++)
            ;
        next = past + 1;
        if (next < stop && JOIN_BYTE[*past] && WORD_BYTE[*next])
            next = past = chars + token_end_1_open(chars, at - chars, end);
        if ((id = count_token(s->table, PyUnicode_1BYTE_KIND, chars, wide ? 8 : s->n - (at - chars), at - chars,
                              past - chars)) < 0)
            return -1;
        if (size == room) {
            if ((room = pair_room(s->ids, s->starts, size, s->n)) < 0)
                return -1;
            ids = s->ids->data, starts = s->starts->data;
        }
        ids[size] = (int)id;
        starts[size++] = (int)(at - chars);
        at = next;
    }
    s->ids->size = s->starts->size = size;
    return size > opening ? intbuf_push(s->firsts, opening) : 0;
}

/* index_sentence_1_of: every sentence but those of a text's last eight bytes is wide. */
static __attribute__((noinline)) int
index_sentence_1(TokenScan *s, Py_ssize_t p, Py_ssize_t end)
{
    return s->n - end >= 8 ? index_sentence_1_of(s, p, end, 1) : index_sentence_1_of(s, p, end, 0);
}

/* index_sentence_1 for any sentence of a text of any kind: those it does not take (two- and
 * four-byte texts, sentences touching a blocked span or ending inside a run of \w) come here. */
static __attribute__((noinline)) int
index_sentence_any(int kind, TokenScan *s, Py_ssize_t p, Py_ssize_t end)
{
    const void *data = s->data;
    int blocked = touches_range(s->bstarts, s->bends, s->nblock, p, end), first = 1;
    while (p < end) {
        Py_ssize_t e, id;
        if (!IS_WORD(PyUnicode_READ(kind, data, p))) {
            p++;
            continue;
        }
        e = token_end(kind, data, p, end);
        if (blocked && touches_range(s->bstarts, s->bends, s->nblock, p, e)) {
            p = e;
            continue;
        }
        if ((id = count_token(s->table, kind, data, (s->n - p) * kind, p, e)) < 0 ||
            (first && intbuf_push(s->firsts, s->ids->size) < 0) || intbuf_push(s->ids, id) < 0 ||
            intbuf_push(s->starts, p) < 0)
            return -1;
        first = 0;
        p = e;
    }
    return 0;
}

/* index_tokens(text, sentences, blocked, counts[, odd[, counted]]): (sentences and blocked: sequences of spans)
 * every token of the sentences (as TOKEN.finditer finds them in each, those that touch a blocked
 * span left out), in text order. `counts` (a dict) gets each distinct WORD token's number of uses
 * (`Prose.word_counts`: numbers and the other kinds left out), in the order of first use; returned are (words, ids, starts, openings, firsts): the distinct
 * tokens in that order, and as native int32 arrays (bytearrays) each token's index into `words`,
 * its start (its end is its start and its word's length), for each sentence the index of its
 * first token (of the next token when it has none) and then the number of tokens (sentence i's
 * tokens are openings[i] up to openings[i + 1]: 4 bytes a sentence, not a sentence a token),
 * and the indices of the tokens that open a sentence.
 * A str is built for each distinct token only (`WordTable`): a story repeats most of its words.
 * `odd` (a list, if given) gets the distinct tokens that are not letters only, in that order, and
 * `counted` (a list, if given) one item, the list of the words given counts, in their order
 * (`StoryBits.read` reads them: a list's items, where a dict's keys cost a call each). With
 * `counts` None, `counted` (then a list) gets two: that list and its WordCounts. */
static PyObject *
index_tokens(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *sentences, *blocked, *counts, *odd, *counted;
    PyObject *words = NULL, *result = NULL;
    Py_ssize_t *sstarts = NULL, *sends = NULL, *bstarts = NULL, *bends = NULL;
    Py_ssize_t nsent, nblock, i, n, handed = 0;
    IntBuf ids = {0}, starts = {0}, openings = {0}, firsts = {0}, others = {0};
    WordTable own = {0}, *table = spare_busy ? &own : &spare_table;
    TokenScan scan;
    int kind, one;
    const void *data;
    if (nargs < 4 || nargs > 6 || !PyUnicode_Check(args[0]) ||
        (nargs >= 5 && args[4] != Py_None && !PyList_Check(args[4])) ||
        (nargs == 6 && args[5] != Py_None && !PyList_Check(args[5])) ||
        !(PyDict_Check(args[3]) || (args[3] == Py_None && nargs == 6 && args[5] != Py_None))) {
        PyErr_SetString(PyExc_TypeError, "index_tokens(text, sentences, blocked, counts[, odd[, counted]]): text a "
                                         "str, counts a dict (or None, with counted), odd and counted lists or None");
        return NULL;
    }
    text = args[0], sentences = args[1], blocked = args[2], counts = args[3];
    odd = nargs >= 5 ? args[4] : Py_None;
    counted = nargs == 6 ? args[5] : Py_None;
    if (table == &spare_table) { /* (a nested call's buffers are its own bytearrays from the start) */
        intbuf_lend(&ids, 0);
        intbuf_lend(&starts, 1);
        intbuf_lend(&openings, 2);
        intbuf_lend(&firsts, 3);
        intbuf_lend(&others, 4);
    }
    spare_busy = 1; /* (whichever is used: a nested call builds its own) */
    word_table_start(table, PyUnicode_GET_LENGTH(text));
    if (read_spans(sentences, &sstarts, &sends, &nsent) < 0 || read_spans(blocked, &bstarts, &bends, &nblock) < 0)
        goto done;
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    n = PyUnicode_GET_LENGTH(text);
    scan = (TokenScan){table, data, n, bstarts, bends, nblock, &ids, &starts, &firsts};
    for (i = 0; i < nsent; i++) {
        Py_ssize_t p = sstarts[i] < 0 ? 0 : sstarts[i], end = sends[i] > n ? n : sends[i];
        if (intbuf_push(&openings, ids.size) < 0)
            goto done;
        if (p >= end)
            continue;
        /* (text[n] is read too: a str's data end in a NUL, no \w, so that a text's last sentence
         * has an open end; a \w there would send it to index_sentence_any) */
        one = kind == PyUnicode_1BYTE_KIND && !WORD_BYTE[((const Py_UCS1 *)data)[end]] &&
              !touches_range(bstarts, bends, nblock, p, end);
        if ((one ? index_sentence_1(&scan, p, end) : index_sentence_any(kind, &scan, p, end)) < 0)
            goto done;
    }
    /* The words' strs, in the order of first use, each kept one's slot (prefetched as its word
     * was met) and its str read a few words ahead: misses that overlap, not one after another. */
    if (kind == PyUnicode_1BYTE_KIND)
        for (i = 0; i < INTERN_AHEAD && i < table->size; i++)
            intern_look_ahead(&table->entry[i], data);
    for (i = 0; i < table->size; i++) {
        Py_ssize_t p = table->entry[i].at, e = p + table->entry[i].len;
        int letters = -1; /* all_letters(word), when the kept words know it */
        PyObject *word;
        if (kind == PyUnicode_1BYTE_KIND) {
            if (i + INTERN_AHEAD < table->size)
                intern_look_ahead(&table->entry[i + INTERN_AHEAD], data);
            if (i + INTERN_AHEAD / 2 < table->size && table->entry[i + INTERN_AHEAD / 2].kept != -1)
                kept_prefetch_word(table->entry[i + INTERN_AHEAD / 2].kept);
            word = interned_word(text, data, p, e - p, table->entry[i].hash, table->entry[i].kept,
                                 table->entry[i].hint, &letters);
        } else
            word = PyUnicode_Substring(text, p, e);
        table->entry[i].word = word; /* (NULL on error: let go as the others are) */
        if (word == NULL)
            goto done;
        if (!(letters >= 0 ? letters : all_letters(word)) && /* (letters only: a WORD) */
            ((odd != Py_None && PyList_Append(odd, word) < 0) || (not_a_word(word) && intbuf_push(&others, i) < 0)))
            goto done;
    }
    if (intbuf_push(&openings, ids.size) < 0 || (words = PyList_New(table->size)) == NULL)
        goto done;
    for (handed = 0; handed < table->size; handed++) /* the list takes the table's references */
        PyList_SET_ITEM(words, handed, table->entry[handed].word);
    if ((counts == Py_None ? counted_into(words, table->entry, others.data, others.size, counted)
                           : counts_into(counts, words, table->entry, others.data, others.size, counted)) < 0)
        goto done;
    {
        PyObject *a = intbuf_take_int32s(&ids), *b = a ? intbuf_take_int32s(&starts) : NULL;
        PyObject *c = b ? intbuf_take_int32s(&openings) : NULL, *d = c ? intbuf_take_int32s(&firsts) : NULL;
        if (d != NULL)
            {
                PyObject *items[5] = {Py_NewRef(words), a, b, c, d};
                result = tuple_of_new(5, items);
            }
        else {
            Py_XDECREF(a);
            Py_XDECREF(b);
            Py_XDECREF(c);
        }
    }
done:
    Py_XDECREF(words);
    word_table_done(table, handed);
    PyMem_Free(sstarts);
    PyMem_Free(sends);
    PyMem_Free(bstarts);
    PyMem_Free(bends);
    intbuf_free(&ids);
    intbuf_free(&starts);
    intbuf_free(&openings);
    intbuf_free(&firsts);
    intbuf_free(&others);
    return result;
}

/* Whether a token's kind (newslint.tokens._classify) is not WORD: letters only (str.isalpha) are a
 * WORD; all digits (str.isdigit), or a digit (str.isdigit) first and no letter ([^\W\d_]), a NUMBER;
 * else a decimal digit (\d) or '_' anywhere makes it MIXED, and what is left is a WORD. */
static int
not_a_word(PyObject *word)
{
    int kind = PyUnicode_KIND(word), all_digits = 1, letter = 0, mixed = 0;
    const void *data = PyUnicode_DATA(word);
    Py_ssize_t i, n = PyUnicode_GET_LENGTH(word);
    if (all_letters(word))
        return 0;
    if (n == 0)
        return 0; /* (no token is empty) */
    for (i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch < 128) { /* (most: the tests below read from the class table, no call a character) */
            int c = ASCII_CLASS[ch]; /* an ASCII digit is str.isdigit's only ASCII digit */
            all_digits &= c == ASCII_DIGIT;
            letter |= c == ASCII_LETTER;
            mixed |= c == ASCII_DIGIT || c == ASCII_UNDERSCORE;
            continue;
        }
        if (!Py_UNICODE_ISDIGIT(ch))
            all_digits = 0;
        if (IS_LETTER(ch))
            letter = 1;
        if (IS_DIGIT(ch))
            mixed = 1;
    }
    if (all_digits || (Py_UNICODE_ISDIGIT(PyUnicode_READ(kind, data, 0)) && !letter))
        return 1;
    return mixed;
}

/* The bit of a key's length for wanted_lengths: bit min(n, 63) for a str of length n, all bits
 * for anything else (which may equal a word). */
static unsigned long long
length_bit(PyObject *key)
{
    Py_ssize_t n;
    if (!PyUnicode_Check(key))
        return ~0ULL;
    n = PyUnicode_GET_LENGTH(key);
    return 1ULL << (n < 63 ? n : 63);
}

/* The lengths of the keys of `wanted`, a set or dict (not a subclass, whose `in` may be its own) of
 * at most 64, as bits (length_bit): a word of another length is not in it, and is not looked up.
 * All bits (nothing ruled out) for a larger or other container: reading it costs more than it
 * saves. */
static unsigned long long
wanted_lengths(PyObject *wanted)
{
    unsigned long long bits = 0;
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    if (PyDict_CheckExact(wanted) && PyDict_GET_SIZE(wanted) <= 64) {
        while (PyDict_Next(wanted, &pos, &key, &value))
            bits |= length_bit(key);
        return bits;
    }
    if ((PySet_CheckExact(wanted) || PyFrozenSet_CheckExact(wanted)) && PySet_GET_SIZE(wanted) <= 64) {
        PyObject *each = PyObject_GetIter(wanted);
        if (each == NULL) {
            PyErr_Clear();
            return ~0ULL;
        }
        while ((key = PyIter_Next(each)) != NULL) {
            bits |= length_bit(key);
            Py_DECREF(key);
        }
        Py_DECREF(each);
        if (PyErr_Occurred()) { /* (changed size while read) */
            PyErr_Clear();
            return ~0ULL;
        }
        return bits;
    }
    return ~0ULL;
}

/* Marks in `member` (one char a word, zeroed here) the words of `words` (a TokenIndex's: distinct
 * texts) that are one of the keys of `wanted`, a set, frozenset or dict (not a subclass) of at most
 * IDENTITY_MAX, where every key is found by identity among the words' pointers: 1 then, and no
 * word's text or hash is read (a rule's few wanted words are the story's own str objects, taken
 * from its counts or its index: all of them, nearly always). 0 when a key is not found so (an
 * equal copy, or no such word), or the container is another: the caller asks of each word. */
#define IDENTITY_MAX 16
static int
among_by_identity(PyObject *words, PyObject *wanted, char *member)
{
    Py_ssize_t nwords = PyList_GET_SIZE(words), pos = 0, i;
    PyObject **items = ((PyListObject *)words)->ob_item, *key, *value, *each = NULL;
    int dict = PyDict_CheckExact(wanted);
    if (dict ? PyDict_GET_SIZE(wanted) > IDENTITY_MAX
             : !(PySet_CheckExact(wanted) || PyFrozenSet_CheckExact(wanted)) || PySet_GET_SIZE(wanted) > IDENTITY_MAX)
        return 0;
    if (!dict && (each = PyObject_GetIter(wanted)) == NULL) {
        PyErr_Clear();
        return 0;
    }
    memset(member, 0, (size_t)(nwords ? nwords : 1));
    for (;;) {
        int found = 0;
        if (dict) {
            if (!PyDict_Next(wanted, &pos, &key, &value))
                break;
        } else {
            if ((key = PyIter_Next(each)) == NULL)
                break;
            Py_DECREF(key); /* (the set keeps it) */
        }
        for (i = 0; i < nwords; i++)
            if (items[i] == key) {
                member[i] = 1;
                found = 1;
                break; /* (the words are distinct) */
            }
        if (!found) {
            Py_XDECREF(each);
            return 0;
        }
    }
    Py_XDECREF(each);
    if (PyErr_Occurred()) { /* (changed size while read) */
        PyErr_Clear();
        return 0;
    }
    return 1;
}

/* among(words, ids, wanted): the indices (in order) of the tokens whose word, words[ids[i]], is
 * in `wanted` (any container), as a native int32 array (a bytearray); each distinct word is looked
 * up once, unless its length rules it out (`wanted_lengths`: most of a story's words, when a rule
 * wants a few). Not a list: a big file's common words pick most of its tokens (800,000 for 10 MB of
 * text), 4 bytes each here and some 36 as a list of ints. The marks of a story's words are kept
 * on the stack and its tokens read into lent room (copied once, at their size): a malloc and free
 * for the marks and a bytearray of 256 values allocated then shrunk cost some 450 instructions a
 * call, nine calls a story. */
#define AMONG_ROOM 2048
static PyObject *
among(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *words, *wanted, *out = NULL;
    Py_buffer ids;
    char *member, room[AMONG_ROOM];
    Py_ssize_t nwords, ntok, i;
    const int *id;
    unsigned long long lengths;
    int marked;
    IntBuf chosen = {0};
    if (BAD_COUNT(3, 3) || BAD_TYPE(0, PyList_Check, "list") || BAD_BUFFER(1, ids))
        return NULL;
    words = args[0], wanted = args[2];
    nwords = PyList_GET_SIZE(words);
    ntok = ids.len / (Py_ssize_t)sizeof(int);
    id = (const int *)ids.buf;
    member = nwords <= AMONG_ROOM ? room : PyMem_Malloc((size_t)nwords);
    if (member == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    marked = among_by_identity(words, wanted, member);
    lengths = marked ? 0 : wanted_lengths(wanted);
    for (i = 0; !marked && i < nwords; i++) {
        PyObject *word = PyList_GET_ITEM(words, i);
        int in = lengths & length_bit(word) ? PySequence_Contains(wanted, word) : 0;
        if (in < 0)
            goto done;
        member[i] = (char)in;
    }
    intbuf_lend(&chosen, 5); /* (no Python code runs from here to the take: the room is free) */
    for (i = 0; i < ntok; i++) {
        if (id[i] < 0 || id[i] >= nwords) {
            PyErr_SetString(PyExc_ValueError, "among: a token's word id is out of range");
            goto done;
        }
        if (member[id[i]] && intbuf_push(&chosen, i) < 0)
            goto done;
    }
    out = intbuf_take_int32s(&chosen);
done:
    intbuf_free(&chosen);
    if (member != room)
        PyMem_Free(member);
    PyBuffer_Release(&ids);
    return out;
}

/* Reads an int32 buffer (an Int32s, or an array of type "i") for joined_at; -1 with an error. */
static int
int32_buffer(PyObject *obj, Py_buffer *view, const char *what)
{
    if (PyObject_GetBuffer(obj, view, PyBUF_FORMAT | PyBUF_ND) < 0)
        return -1;
    if (view->itemsize != (Py_ssize_t)sizeof(int) || view->format == NULL || strcmp(view->format, "i") != 0) {
        PyBuffer_Release(view);
        PyErr_Format(PyExc_TypeError, "joined_at: %s must be int32s", what);
        return -1;
    }
    return 0;
}

/* joined_at(at, ids, joins, size): the token indices i of `at` (int32s) that a token follows whose
 * word makes, with i's, one of the pairs `joins` (a set of ints: first id * size + second id):
 * newslint.rules.naming.compound_spacing._joined_at (its twin). A big file's first words stand at
 * hundreds of thousands of places; a Python loop over them took 0.3 s for 10 MB. */
static PyObject *
joined_at(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer at, ids;
    PyObject *joins, *out = NULL;
    long long size;
    Py_ssize_t k, n, count;
    if (BAD_COUNT(4, 4))
        return NULL;
    joins = args[2];
    size = PyLong_AsLongLong(args[3]);
    if (size == -1 && PyErr_Occurred())
        return NULL;
    if (!PyAnySet_Check(joins)) {
        PyErr_SetString(PyExc_TypeError, "joined_at: the joins are a set");
        return NULL;
    }
    if (int32_buffer(args[0], &at, "the places") < 0)
        return NULL;
    if (int32_buffer(args[1], &ids, "the ids") < 0) {
        PyBuffer_Release(&at);
        return NULL;
    }
    n = at.len / (Py_ssize_t)sizeof(int);
    count = ids.len / (Py_ssize_t)sizeof(int);
    out = PyList_New(0);
    for (k = 0; out != NULL && k < n; k++) {
        int i = ((const int *)at.buf)[k];
        PyObject *code;
        int found;
        if (i < 0 || (Py_ssize_t)i + 1 >= count)
            continue; /* the last token: no word after it */
        code = PyLong_FromLongLong((long long)((const int *)ids.buf)[i] * size + ((const int *)ids.buf)[i + 1]);
        if (code == NULL) {
            Py_CLEAR(out);
            break;
        }
        found = PySet_Contains(joins, code);
        Py_DECREF(code);
        if (found < 0) {
            Py_CLEAR(out);
            break;
        }
        if (found) {
            PyObject *index = PyLong_FromLong(i);
            if (index == NULL || PyList_Append(out, index) < 0)
                Py_CLEAR(out);
            Py_XDECREF(index);
        }
    }
    PyBuffer_Release(&at);
    PyBuffer_Release(&ids);
    return out;
}

/* The index of the last opening at or before token i, among openings[lo:n] (ascending). */
static Py_ssize_t
sentence_of(const int *openings, Py_ssize_t lo, Py_ssize_t n, Py_ssize_t i)
{
    Py_ssize_t hi = n;
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2;
        if (openings[mid] <= i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo - 1;
}

/* `span`, a new span_type(start, end) (a tuple subclass without __dict__: two ints), out of
 * the cyclic collector's reach, as the collector puts an exact tuple of ints, and a subclass's
 * instance never: it can be in no cycle. A story's parts and quotations are such spans (200,000
 * quotations in 400 KB of straight quotes), and each full collection walked them all again. A
 * token's span (`named_tuple`) is left as it is: most die young, before any collection, and the
 * call cost 0.15% of a corpus's instructions. Returns `span`. */
static PyObject *
untracked_span(PyObject *span)
{
    if (span != NULL && Py_TYPE(span)->tp_dictoffset == 0)
        PyObject_GC_UnTrack(span);
    return span;
}

/* A tuple of `type` (a named tuple: Span, Token) holding `items`, which it takes; NULL on error. */
static PyObject *
named_tuple(PyTypeObject *type, PyObject **items, Py_ssize_t n)
{
    return filled_tuple(type->tp_alloc(type, n), items, n);
}

/* The start (which 0) or end (1) of span j of the tuple `spans`; -1 with an exception set when
 * it is not a pair of ints. */
static Py_ssize_t
span_part(PyObject *spans, Py_ssize_t j, int which)
{
    PyObject *span = PyTuple_GET_ITEM(spans, j);
    if (!PyTuple_Check(span) || PyTuple_GET_SIZE(span) != 2) {
        PyErr_SetString(PyExc_TypeError, "built_tokens: a span is a pair of ints");
        return -1;
    }
    return PyLong_AsSsize_t(PyTuple_GET_ITEM(span, which));
}

/* How many of the sorted spans `spans` start before `at` (or at it, with `right`): bisect_left
 * (bisect_right) of their starts; -1 on error. */
static Py_ssize_t
spans_starting(PyObject *spans, Py_ssize_t at, int right)
{
    Py_ssize_t lo = 0, hi = PyTuple_GET_SIZE(spans);
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2, start = span_part(spans, mid, 0);
        if (start == -1 && PyErr_Occurred())
            return -1;
        if (right ? start <= at : start < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Whether one of the sorted, disjoint `spans` touches [start, end) (not empty): SpanSet.touches_range;
 * -1 on error. */
static int
spans_touch(PyObject *spans, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t j = spans_starting(spans, end, 0) - 1, last;
    if (j < -1)
        return -1;
    if (j < 0)
        return 0;
    last = span_part(spans, j, 1);
    return last == -1 && PyErr_Occurred() ? -1 : last > start;
}

/* The quotation place of the sentence [a, b) among the quotations `spans` (SpanSet.spans): 2 when
 * one covers it, 1 when one touches it (SpanSet.covers, SpanSet.touches), 0; -1 on error. */
static int
quote_place(PyObject *spans, Py_ssize_t a, Py_ssize_t b)
{
    Py_ssize_t n = PyTuple_GET_SIZE(spans), i, j, s, e;
    if (n == 0)
        return 0;
    i = spans_starting(spans, a, 1);
    if (i < 0)
        return -1;
    if (i > 0) {
        e = span_part(spans, i - 1, 1);
        if (e == -1 && PyErr_Occurred())
            return -1;
        if (e >= b)
            return 2;
    }
    if (a < b) {
        int hit = spans_touch(spans, a, b);
        return hit < 0 ? -1 : hit;
    }
    for (j = i - 1; j >= i - 2 && j >= 0; j--) { /* an empty sentence: strictly inside a span */
        s = span_part(spans, j, 0);
        e = s == -1 && PyErr_Occurred() ? -1 : span_part(spans, j, 1);
        if (e == -1 && PyErr_Occurred())
            return -1;
        if (s < e && s < a && a < e)
            return 1;
    }
    return 0;
}

/* The start and end of `span` (a pair of ints) into *a and *b; -1 with an exception set if not. */
static int
span_ends(PyObject *span, Py_ssize_t *a, Py_ssize_t *b)
{
    if (!PyTuple_Check(span) || PyTuple_GET_SIZE(span) != 2) {
        PyErr_SetString(PyExc_TypeError, "built_tokens: a sentence or headline is a span");
        return -1;
    }
    *a = PyLong_AsSsize_t(PyTuple_GET_ITEM(span, 0));
    *b = PyLong_AsSsize_t(PyTuple_GET_ITEM(span, 1));
    return PyErr_Occurred() ? -1 : 0;
}

/* The place of sentence s (newslint.tokens.sentence_place): places[s], or found and kept there.
 * `where` is (sentences, headline, quotation spans, the six shared places); borrowed. */
static PyObject *
place_at(PyObject *places, PyObject *where, Py_ssize_t s)
{
    PyObject *place = PyList_GET_ITEM(places, s), *sentence, *headline = PyTuple_GET_ITEM(where, 1);
    Py_ssize_t a, b, hs, he;
    int quote, read, in_head = 0;
    if (place != Py_None)
        return place;
    sentence = PySequence_GetItem(PyTuple_GET_ITEM(where, 0), s);
    if (sentence == NULL)
        return NULL;
    read = span_ends(sentence, &a, &b);
    Py_DECREF(sentence);
    if (read < 0)
        return NULL;
    quote = quote_place(PyTuple_GET_ITEM(where, 2), a, b);
    if (quote < 0)
        return NULL;
    if (headline != Py_None) {
        if (span_ends(headline, &hs, &he) < 0)
            return NULL;
        in_head = hs <= a && b <= he;
    }
    place = PyTuple_GET_ITEM(PyTuple_GET_ITEM(PyTuple_GET_ITEM(where, 3), in_head), quote);
    Py_INCREF(place);
    PyList_SetItem(places, s, place); /* steals it; the list keeps it alive */
    return place;
}

/* Whether `places` is the six shared places: two tuples (out of, in the headline) of three. */
static int
places_shape(PyObject *places)
{
    int k;
    if (!PyTuple_Check(places) || PyTuple_GET_SIZE(places) != 2)
        return 0;
    for (k = 0; k < 2; k++) {
        PyObject *row = PyTuple_GET_ITEM(places, k);
        if (!PyTuple_Check(row) || PyTuple_GET_SIZE(row) != 3)
            return 0;
    }
    return 1;
}

/* built_tokens(words, ids, starts, openings, chosen, lo, hi, places, where, kinds, types,
 * words_only): the Tokens of the index's tokens chosen[lo:hi] (ascending int32 indices; with
 * `chosen` None, tokens lo up to hi), as a list, in the loop of
 * newslint.tokens.built_tokens (its twin): each token's sentence found from `openings` (the next,
 * or by bisection), that sentence's place read from the list `places` (found and kept there
 * where it holds None, from `where`: see place_at), its kind looked up in `kinds` (the kind cache, a dict that may
 * fill itself in), only WORD tokens with `words_only`, and its quotation flag looked up in
 * the quotations only in a sentence one touches but does not cover. `types` is
 * (Span, Token, TokenKind.WORD). Each tuple is made directly: tuple.__new__ from Python
 * copies an argument tuple into each. */
static PyObject *
built_tokens(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *words, *places, *where, *kinds, *types, *out = NULL;
    PyTypeObject *span_type, *token_type;
    PyObject *word_kind;
    PyObject *picked;
    Py_buffer ids = {0}, starts = {0}, openings = {0}, chosen = {0};
    const int *pick = NULL;
    int words_only;
    Py_ssize_t nwords, ntok, nopen, lo, hi, k, s = -1, opening = 0, following = 0, last = -1;
    PyObject *in_head = NULL;
    long quote = 0;
    /* (the buffers start empty: `done` releases those taken before an argument is refused) */
    if (BAD_COUNT(12, 12) || BAD_TYPE(0, PyList_Check, "list") || BAD_BUFFER(1, ids) || BAD_BUFFER(2, starts) ||
        BAD_BUFFER(3, openings) || BAD_SSIZE(5, lo) || BAD_SSIZE(6, hi) || BAD_TYPE(7, PyList_Check, "list") ||
        BAD_TYPE(8, PyTuple_Check, "tuple") || BAD_TYPE(10, PyTuple_Check, "tuple") ||
        (words_only = PyObject_IsTrue(args[11])) < 0)
        goto done;
    words = args[0], picked = args[4], places = args[7], where = args[8], kinds = args[9], types = args[10];
    if (picked != Py_None) {
        if (PyObject_GetBuffer(picked, &chosen, PyBUF_SIMPLE) < 0)
            goto done;
        pick = (const int *)chosen.buf;
        if (hi > chosen.len / (Py_ssize_t)sizeof(int))
            hi = -1; /* out of range: refused below */
    }
    if (PyTuple_GET_SIZE(types) != 3 || !PyType_Check(PyTuple_GET_ITEM(types, 0)) ||
        !PyType_Check(PyTuple_GET_ITEM(types, 1)) || PyTuple_GET_SIZE(where) != 4 ||
        !PyTuple_Check(PyTuple_GET_ITEM(where, 2)) || !places_shape(PyTuple_GET_ITEM(where, 3))) {
        PyErr_SetString(PyExc_TypeError, "built_tokens: types is (Span, Token, word kind), where "
                                         "(sentences, headline, quotation spans, places)");
        goto done;
    }
    span_type = (PyTypeObject *)PyTuple_GET_ITEM(types, 0);
    token_type = (PyTypeObject *)PyTuple_GET_ITEM(types, 1);
    word_kind = PyTuple_GET_ITEM(types, 2);
    nwords = PyList_GET_SIZE(words);
    ntok = ids.len / (Py_ssize_t)sizeof(int);
    nopen = openings.len / (Py_ssize_t)sizeof(int);
    if (starts.len != ids.len || nopen != PyList_GET_SIZE(places) + 1 || lo < 0 || hi < lo) {
        PyErr_SetString(PyExc_ValueError, "built_tokens: the index's arrays do not agree");
        goto done;
    }
    out = PyList_New(0);
    if (out == NULL)
        goto done;
    for (k = lo; k < hi; k++) {
        const int *open = (const int *)openings.buf;
        Py_ssize_t i = pick ? pick[k] : k, id, start, end;
        PyObject *word, *kind, *item[6];
        int in_quote;
        if (i < 0 || i >= ntok || i <= last) {
            PyErr_SetString(PyExc_ValueError, "built_tokens: the chosen tokens ascend within the index");
            goto fail;
        }
        last = i;
        if (i >= following) { /* a later sentence: the next, or by bisection */
            PyObject *place;
            s++;
            if (s + 1 >= nopen || i >= open[s + 1])
                s = sentence_of(open, s + 1 < nopen ? s + 1 : nopen, nopen, i);
            if (s < 0 || s + 1 >= nopen) {
                PyErr_SetString(PyExc_ValueError, "built_tokens: a token lies in no sentence");
                goto fail;
            }
            opening = open[s];
            following = open[s + 1];
            place = place_at(places, where, s);
            if (place == NULL)
                goto fail;
            in_head = PyTuple_GET_ITEM(place, 0); /* borrowed: places keeps it */
            quote = PyLong_AsLong(PyTuple_GET_ITEM(place, 1));
            if (quote == -1 && PyErr_Occurred())
                goto fail;
        }
        id = ((const int *)ids.buf)[i];
        if (id < 0 || id >= nwords) {
            PyErr_SetString(PyExc_ValueError, "built_tokens: a token's word id is out of range");
            goto fail;
        }
        word = PyList_GET_ITEM(words, id);
        kind = PyObject_GetItem(kinds, word);
        if (kind == NULL)
            goto fail;
        if (words_only && kind != word_kind) {
            Py_DECREF(kind);
            continue;
        }
        start = ((const int *)starts.buf)[i];
        end = start + PyUnicode_GET_LENGTH(word);
        in_quote = quote == 2;
        if (quote == 1) {
            in_quote = spans_touch(PyTuple_GET_ITEM(where, 2), start, end);
            if (in_quote < 0) {
                Py_DECREF(kind);
                goto fail;
            }
        }
        item[0] = PyLong_FromSsize_t(start);
        item[1] = item[0] ? PyLong_FromSsize_t(end) : NULL;
        if (item[1] == NULL) {
            Py_XDECREF(item[0]);
            Py_DECREF(kind);
            goto fail;
        }
        item[0] = named_tuple(span_type, item, 2);
        if (item[0] == NULL) {
            Py_DECREF(kind);
            goto fail;
        }
        Py_INCREF(word);
        item[1] = word;
        item[2] = kind;
        item[3] = PyBool_FromLong(i == opening);
        Py_INCREF(in_head);
        item[4] = in_head;
        item[5] = PyBool_FromLong(in_quote);
        {
            PyObject *token = named_tuple(token_type, item, 6);
            if (token == NULL || PyList_Append(out, token) < 0) {
                Py_XDECREF(token);
                goto fail;
            }
            Py_DECREF(token);
        }
    }
    goto done;
fail:
    Py_CLEAR(out);
done:
    PyBuffer_Release(&ids);
    PyBuffer_Release(&starts);
    PyBuffer_Release(&openings);
    if (pick != NULL)
        PyBuffer_Release(&chosen);
    return out;
}

/* Optimal string alignment distance of a and b is at most 2: the common opening and ending
 * stripped, the distances capped at 3 in a band of two cells either side of the diagonal. */
#define CAP 3
#define SMALL 64

#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

static ALWAYS_INLINE int
within_two(int ka, const void *da, Py_ssize_t n, int kb, const void *db, Py_ssize_t m, int *work)
{
    Py_ssize_t lo = 0, i, j, off_a, off_b;
    int *prev2, *prev, *cur, *t, low_before = CAP;
    if (n - m > 2 || m - n > 2)
        return 0;
    while (lo < n && lo < m && PyUnicode_READ(ka, da, lo) == PyUnicode_READ(kb, db, lo))
        lo++;
    while (n > lo && m > lo && PyUnicode_READ(ka, da, n - 1) == PyUnicode_READ(kb, db, m - 1)) {
        n--;
        m--;
    }
    off_a = off_b = lo;
    n -= lo;
    m -= lo;
    if (n == 0 || m == 0)
        return n + m <= 2;
#define A(x) PyUnicode_READ(ka, da, off_a + (x))
#define B(x) PyUnicode_READ(kb, db, off_b + (x))
    prev2 = work;
    prev = work + (m + 1);
    cur = work + 2 * (m + 1);
    /* Only a row's band is filled (and the cells either side of it set to CAP, which every cell
     * off the band is): the next row reads no other cell of it, the row after next none but its
     * band, and a row's least cell is its band's or its first (`low`, kept for the next row). */
    for (j = 0; j <= m && j <= CAP; j++)
        prev[j] = (int)j;
    for (i = 1; i <= n; i++) {
        int low, prev_low = i == 1 ? 0 : low_before;
        Py_ssize_t from = i - 2 > 1 ? i - 2 : 1, to = i + 2 < m ? i + 2 : m;
        Py_UCS4 ai = A(i - 1);
        cur[0] = i < CAP ? (int)i : CAP;
        cur[from - 1] = from == 1 ? cur[0] : CAP;
        if (to < m)
            cur[to + 1] = CAP;
        low = cur[0];
        for (j = from; j <= to; j++) {
            Py_UCS4 bj = B(j - 1);
            int d = prev[j - 1] + (ai != bj), x;
            x = prev[j] + 1;
            if (x < d)
                d = x;
            x = cur[j - 1] + 1;
            if (x < d)
                d = x;
            if (i > 1 && j > 1 && ai == B(j - 2) && A(i - 2) == bj) {
                x = prev2[j - 2] + 1;
                if (x < d)
                    d = x;
            }
            if (d > CAP)
                d = CAP;
            cur[j] = d;
            if (d < low)
                low = d;
        }
        if (low >= CAP && (i == 1 || prev_low >= CAP))
            return 0;
        low_before = low;
        t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
#undef A
#undef B
    return prev[m] <= 2;
}

/* The letters of a word as 64 bits, a letter's bit chosen by its code point. An insertion or a
 * deletion adds or removes at most one letter of the word's set, a substitution at most two, a
 * swap none, so two words two edits apart differ in at most 4 - |n - m| bits (two edits that
 * change the length by one are an insertion or deletion and one other; by two, two of them),
 * and letters that share a bit only make the count smaller: a word that differs in more is
 * rejected before the distance is computed (`too_many_bits`). */
static unsigned long long
letter_mask(int kind, const void *data, Py_ssize_t n)
{
    unsigned long long mask = 0;
    Py_ssize_t i;
    if (kind == PyUnicode_1BYTE_KIND) { /* most words: no kind switch for each letter */
        const Py_UCS1 *b = data;
        for (i = 0; i < n; i++)
            mask |= 1ULL << (b[i] % 64);
        return mask;
    }
    for (i = 0; i < n; i++)
        mask |= 1ULL << (PyUnicode_READ(kind, data, i) % 64);
    return mask;
}

/* Whether more than 4 - apart bits of x are set (apart: two words' difference in length, 0 to
 * 2): its lowest bit cleared that many times, without a loop (two words' letters differ in
 * eight bits or more, most often: counting them all cost more than the test of the words that
 * pass it). The bound of `letter_mask`: with four bits for every length, a scan of a common
 * word's pairs (near_words_in_index) computed twice as many distances. */
static ALWAYS_INLINE int
too_many_bits(unsigned long long x, Py_ssize_t apart)
{
    x &= x - 1;
    x &= x - 1;
    if (apart < 2)
        x &= x - 1;
    if (apart < 1)
        x &= x - 1;
    return x != 0;
}

/* A typo as near_words reads it: its characters, its letters' mask and how many of its letters
 * fall on each of the mask's bits, read once. */
typedef struct {
    int kind;
    const void *data;
    Py_ssize_t n;
    unsigned long long mask;
    int count[64];
    int by_bits;       /* a one-byte typo of 1 to 64 characters: `peq` is filled (`osa_by_bits`) */
    uint64_t peq[256]; /* for each byte, the typo's positions that hold it, as bits */
} Typo;

static void
typo_of(PyObject *typo, Typo *t)
{
    Py_ssize_t i;
    t->kind = PyUnicode_KIND(typo);
    t->data = PyUnicode_DATA(typo);
    t->n = PyUnicode_GET_LENGTH(typo);
    t->mask = letter_mask(t->kind, t->data, t->n);
    memset(t->count, 0, sizeof t->count);
    for (i = 0; i < t->n; i++)
        t->count[PyUnicode_READ(t->kind, t->data, i) % 64]++;
    t->by_bits = t->kind == PyUnicode_1BYTE_KIND && t->n >= 1 && t->n <= 64;
    if (t->by_bits) {
        const Py_UCS1 *a = t->data;
        memset(t->peq, 0, sizeof t->peq);
        for (i = 0; i < t->n; i++)
            t->peq[a[i]] |= 1ULL << i;
    }
}

/* How many bits of x are set, inline (the built-in popcount is a call into libgcc's table
 * unless the machine is said to have the instruction: twice the instructions). */
static ALWAYS_INLINE int
bits_set(uint64_t x)
{
    x -= (x >> 1) & 0x5555555555555555ULL;
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
    return (int)((x * 0x0101010101010101ULL) >> 56);
}

/* The optimal-string-alignment distance of a typo of one-byte characters (1 to 64 of them,
 * `t->peq`) and a one-byte word, exactly: the typo's whole column of the distance's table held
 * as bits (its vertical differences, +1 in `vp`, -1 in `vn`), the word read a character at a
 * time, with the transposition term of Hyyrö's bit-parallel restricted edit distance (Hyyrö, "A
 * bit-vector algorithm for computing Levenshtein and Damerau edit distances", 2003): thirty-odd
 * instructions a character, no table, no branch. The letters' bound (`letters_too_far`) and the
 * banded table (`within_two`) it replaces cost half as much again (replayed verdicts: 51 M
 * instructions, this 34 M). Bits above the typo's last never reach those below (sums carry and
 * shifts move upward) and are masked off at the end. tests/test_native.py holds it to the full
 * distance, typos either side of 64 characters included. */
static ALWAYS_INLINE int
osa_by_bits(const Typo *t, const Py_UCS1 *b, Py_ssize_t m)
{
    uint64_t vp = ~0ULL, vn = 0, d0 = 0, pm_prev = 0, typo = t->n == 64 ? ~0ULL : (1ULL << t->n) - 1;
    Py_ssize_t j;
    for (j = 0; j < m; j++) {
        uint64_t pm = t->peq[b[j]], hp, hn, x;
        d0 = (((pm & vp) + vp) ^ vp) | pm | vn | (((~d0 & pm) << 1) & pm_prev);
        hp = vn | ~(d0 | vp);
        hn = d0 & vp;
        x = (hp << 1) | 1; /* the first row's differences: +1 each */
        vp = (hn << 1) | ~(d0 | x);
        vn = d0 & x;
        pm_prev = pm;
    }
    /* the last column's first cell (m) and its differences down to the typo's last row */
    return (int)m + bits_set(vp & typo) - bits_set(vn & typo);
}

/* Whether the word's letters, counted by their mask bits, are too far from the typo's for two
 * edits: an insertion or a deletion changes the sum of the counts' differences by one, a
 * substitution by two at most, a swap not at all, so two edits leave it at 4 - |n - m| at most
 * (and letters that share a bit only make it smaller). A fifth of the words whose mask passes
 * (`too_many_bits`, the same bound on the letters' set) fail this, before the distance's table is
 * filled for them: the test costs less than the tables it spares (a run without it, measured).
 * Asked only where `osa_by_bits` cannot answer (a typo past 64 characters, a wider kind). */
static int
letters_too_far(const Typo *t, int kb, const void *db, Py_ssize_t m)
{
    int count[64], apart = 0, c;
    unsigned long long rest = t->mask;
    Py_ssize_t i;
    memcpy(count, t->count, sizeof count);
    if (kb == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *b = db;
        for (i = 0; i < m; i++)
            count[b[i] % 64]--;
        for (i = 0; i < m; i++) { /* each bit the word's letters fall on, once */
            c = b[i] % 64;
            apart += count[c] < 0 ? -count[c] : count[c];
            count[c] = 0;
            rest &= ~(1ULL << c);
        }
    }
    else {
        for (i = 0; i < m; i++)
            count[PyUnicode_READ(kb, db, i) % 64]--;
        for (i = 0; i < m; i++) {
            c = (int)(PyUnicode_READ(kb, db, i) % 64);
            apart += count[c] < 0 ? -count[c] : count[c];
            count[c] = 0;
            rest &= ~(1ULL << c);
        }
    }
    for (; rest; rest &= rest - 1) /* the typo's letters on bits the word has none on */
        apart += count[__builtin_ctzll(rest)];
    return apart > 4 - (m > t->n ? m - t->n : t->n - m);
}

/* Whether a distance of `osa_by_bits` makes a word near the typo: one or two slips (0: the typo
 * itself). */
static inline int
near_distance(int d)
{
    return d > 0 && d <= 2;
}

/* near_typo once the length and the letters' bits have not ruled the word out: the distance
 * (`osa_by_bits` for one-byte text, nearly all; else the banded table). */
static int
near_typo_apart(const Typo *t, int kb, const void *db, Py_ssize_t m)
{
    int small[3 * (SMALL + 1)], *work = small, near, ka = t->kind;
    const void *da = t->data;
    Py_ssize_t i, n = t->n;
    if (t->by_bits && kb == PyUnicode_1BYTE_KIND) {
        return near_distance(osa_by_bits(t, db, m));
    }
    if (letters_too_far(t, kb, db, m))
        return 0;
    if (m > SMALL) {
        work = PyMem_Malloc(3 * (m + 1) * sizeof(int));
        if (work == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    /* one-byte words (nearly all) read without a kind switch for each character: the
     * distance's copy for them, the kinds known */
    if (ka == PyUnicode_1BYTE_KIND && kb == PyUnicode_1BYTE_KIND)
        near = within_two(PyUnicode_1BYTE_KIND, da, n, PyUnicode_1BYTE_KIND, db, m, work);
    else
        near = within_two(ka, da, n, kb, db, m, work);
    if (work != small)
        PyMem_Free(work);
    if (!near || m != n)
        return near;
    for (i = 0; i < n; i++) /* not the typo itself (distance 0) */
        if (PyUnicode_READ(ka, da, i) != PyUnicode_READ(kb, db, i))
            return 1;
    return 0;
}

/* Whether the word (kind kb, data db, m characters) is not the typo and at most two edits from
 * it: 1 or 0, -1 with MemoryError set. */
static int
near_typo(const Typo *t, int kb, const void *db, Py_ssize_t m)
{
    if (m - t->n > 2 || t->n - m > 2 || too_many_bits(t->mask ^ letter_mask(kb, db, m), m > t->n ? m - t->n : t->n - m))
        return 0;
    return near_typo_apart(t, kb, db, m);
}

static PyObject *
near_words(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *typo, *words, *iter, *item, *out;
    Typo t;
    if (BAD_COUNT(2, 2) || BAD_STR(0))
        return NULL;
    typo = args[0], words = args[1];
    typo_of(typo, &t);
    out = PyList_New(0);
    if (out == NULL)
        return NULL;
    iter = PyObject_GetIter(words);
    if (iter == NULL) {
        Py_DECREF(out);
        return NULL;
    }
    while ((item = PyIter_Next(iter)) != NULL) {
        int near;
        if (!PyUnicode_Check(item)) {
            PyErr_SetString(PyExc_TypeError, "near_words: the words must be str");
            goto fail;
        }
        near = near_typo(&t, PyUnicode_KIND(item), PyUnicode_DATA(item), PyUnicode_GET_LENGTH(item));
        if (near < 0 || (near && PyList_Append(out, item) < 0))
            goto fail;
        Py_DECREF(item);
    }
    Py_DECREF(iter);
    if (PyErr_Occurred()) {
        Py_DECREF(out);
        return NULL;
    }
    return out;
fail:
    Py_DECREF(item);
    Py_DECREF(iter);
    Py_DECREF(out);
    return NULL;
}

/* The one-byte characters by what reading a pair-table line does at them: LINE_SPACE for the
 * whitespace str.split() splits at (Py_UNICODE_ISSPACE below 256: \t to \r, \x1c to \x1f, the
 * space, \x85 and \xa0), LINE_MARK for the ':' that ends an entry's word, 0 for the others: one
 * table load a character, where each asked ISSPACE's two tests and ':' (tests/test_native.py
 * reads every one-byte character in a line). */
#define LINE_SPACE 1
#define LINE_MARK 2
static const unsigned char line_class[256] = {
    ['\t'] = LINE_SPACE, ['\n'] = LINE_SPACE, ['\v'] = LINE_SPACE, ['\f'] = LINE_SPACE,
    ['\r'] = LINE_SPACE, [0x1c] = LINE_SPACE, [0x1d] = LINE_SPACE,   [0x1e] = LINE_SPACE,
    [0x1f] = LINE_SPACE,  [' '] = LINE_SPACE,  [0x85] = LINE_SPACE,   [0xa0] = LINE_SPACE,
    [':'] = LINE_MARK,
};

/* The next entry of a pair-table line from *p: its word at [*start, *end) (the entry up to its
 * first ':'), *p past the entry; 0 when only whitespace (str.split()'s) is left. A line of
 * one-byte characters (the shipped tables are ASCII) is read without the per-character kind
 * switch, by `line_class`: a common word's line is 100,000 characters. */
static int
line_entry(int kind, const void *data, Py_ssize_t len, Py_ssize_t *p, Py_ssize_t *start, Py_ssize_t *end)
{
    Py_ssize_t i = *p;
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *b = data;
        while (i < len && line_class[b[i]] == LINE_SPACE)
            i++;
        if (i >= len)
            return 0;
        *start = i;
        while (i < len && !line_class[b[i]])
            i++;
        *end = i;
        while (i < len && line_class[b[i]] != LINE_SPACE)
            i++;
    }
    else {
        while (i < len && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
            i++;
        if (i >= len)
            return 0;
        *start = i;
        while (i < len && PyUnicode_READ(kind, data, i) != ':' && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
            i++;
        *end = i;
        while (i < len && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
            i++;
    }
    *p = i;
    return 1;
}

/* near_words_in_line(typo, line): near_words(typo, words), where the words are read from one line
 * of the word-pair tables as they stand: the entries of `line` split at whitespace (str.split()),
 * each its text before its first ':' ("agency:3"). No string is made for a word not near the
 * typo: the line of a common word holds thousands (newslint.native.near_words_in_line). */
static PyObject *
near_words_in_line(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *typo, *line, *out;
    int kl;
    const void *dl;
    Py_ssize_t len, p = 0, start, end;
    Typo t;
    if (BAD_COUNT(2, 2) || BAD_STR(0) || BAD_STR(1))
        return NULL;
    typo = args[0], line = args[1];
    typo_of(typo, &t);
    kl = PyUnicode_KIND(line);
    dl = PyUnicode_DATA(line);
    len = PyUnicode_GET_LENGTH(line);
    out = PyList_New(0);
    if (out == NULL)
        return NULL;
    while (line_entry(kl, dl, len, &p, &start, &end)) {
        PyObject *word;
        int near;
        if (end - start - t.n > 2 || t.n - (end - start) > 2)
            continue; /* near_typo's first test, asked before its call: most entries fail it */
        near = near_typo(&t, kl, (const char *)dl + start * kl, end - start);
        if (near == 0)
            continue;
        word = near < 0 ? NULL : PyUnicode_Substring(line, start, end);
        if (word == NULL || PyList_Append(out, word) < 0) {
            Py_XDECREF(word);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(word);
    }
    return out;
}

/* A word of a pair-table line as line_index records it: where it starts in the line, its length
 * (an entry's text before its first ':'), and its characters' bits, a character's bit chosen by
 * its code point % 32 (the lowercase letters take one bit each: the bound of letter_mask holds
 * for any choice of bits). */
typedef struct {
    uint32_t start, len, bits;
} LineWord;

/* Where record i's start, length and bits lie in an index of `count` records (by field). */
#define INDEX_STARTS(count, i) ((Py_ssize_t)sizeof(uint32_t) * (i))
#define INDEX_LENS(count, i) ((Py_ssize_t)sizeof(uint32_t) * ((count) + (i)))
#define INDEX_BITS(count, i) ((Py_ssize_t)sizeof(uint32_t) * (2 * (count) + (i)))

/* The `count` LineWords of a line as bytes, ordered by their length and, for
 * one length, as the line has them (a counting sort: stable): near_words_in_index reads the
 * words within two letters of a typo's length alone, a block found by binary search. Stored by
 * field (every start, then every length, then every word's bits, `count` uint32s each): the
 * bits of a run of one length lie side by side, four tested at once (`bits_passing`). */
static PyObject *
line_words_by_length(const LineWord *words, Py_ssize_t count)
{
    Py_ssize_t *first, i, longest = 0, at;
    PyObject *out;
    char *buf;
    for (i = 0; i < count; i++)
        if ((Py_ssize_t)words[i].len > longest)
            longest = words[i].len; /* at most the line's length */
    first = PyMem_Calloc((size_t)longest + 2, sizeof(Py_ssize_t));
    if (first == NULL)
        return PyErr_NoMemory();
    for (i = 0; i < count; i++)
        first[words[i].len + 1]++;
    for (i = 1; i <= longest + 1; i++)
        first[i] += first[i - 1]; /* first[k]: where the words of length k begin */
    out = PyBytes_FromStringAndSize(NULL, count * (Py_ssize_t)sizeof(LineWord));
    if (out == NULL) {
        PyMem_Free(first);
        return NULL;
    }
    buf = PyBytes_AS_STRING(out);
    for (i = 0; i < count; i++) {
        at = first[words[i].len]++;
        memcpy(buf + INDEX_STARTS(count, at), &words[i].start, sizeof(uint32_t));
        memcpy(buf + INDEX_LENS(count, at), &words[i].len, sizeof(uint32_t));
        memcpy(buf + INDEX_BITS(count, at), &words[i].bits, sizeof(uint32_t));
    }
    PyMem_Free(first);
    return out;
}

/* line_index(line): the words of a pair-table line (its entries split at str.split()'s whitespace,
 * each up to its first ':'), a LineWord each, ordered by length (line_words_by_length), as bytes:
 * built once for a common word's line, which near_words_in_index then reads for typo after typo
 * without reading its text
 * (newslint.native.line_index). A line of 2**32 characters or more is a ValueError. */
static PyObject *
line_index(PyObject *self, PyObject *line)
{
    PyObject *out;
    LineWord *words;
    Py_ssize_t len, p = 0, start, end, count = 0, i;
    int kl;
    const void *dl;
    if (!PyUnicode_Check(line)) {
        PyErr_SetString(PyExc_TypeError, "line_index: a str is needed");
        return NULL;
    }
    kl = PyUnicode_KIND(line);
    dl = PyUnicode_DATA(line);
    len = PyUnicode_GET_LENGTH(line);
    if (len > (Py_ssize_t)UINT32_MAX) {
        PyErr_SetString(PyExc_ValueError, "line_index: the line is too long to index");
        return NULL;
    }
    words = PyMem_Malloc(((len + 1) / 2 + 1) * sizeof(LineWord)); /* an entry and a space: 2 at least */
    if (words == NULL)
        return PyErr_NoMemory();
    if (kl == PyUnicode_1BYTE_KIND) { /* the shipped tables: line_entry's reading, bits and all in one pass */
        const Py_UCS1 *b = dl;
        i = 0;
        for (;;) {
            uint32_t bits = 0;
            while (i < len && line_class[b[i]] == LINE_SPACE)
                i++;
            if (i >= len)
                break;
            start = i;
            while (i < len && !line_class[b[i]])
                bits |= (uint32_t)1 << (b[i++] % 32);
            words[count].start = (uint32_t)start;
            words[count].len = (uint32_t)(i - start);
            words[count].bits = bits;
            count++;
            while (i < len && line_class[b[i]] != LINE_SPACE)
                i++;
        }
    }
    else
        while (line_entry(kl, dl, len, &p, &start, &end)) {
            uint32_t bits = 0;
            for (i = start; i < end; i++)
                bits |= (uint32_t)1 << (PyUnicode_READ(kl, dl, i) % 32);
            words[count].start = (uint32_t)start;
            words[count].len = (uint32_t)(end - start);
            words[count].bits = bits;
            count++;
        }
    out = line_words_by_length(words, count);
    PyMem_Free(words);
    return out;
}

/* The uint32 at byte `at` of an index (read whole: the buffer need not be aligned). */
static ALWAYS_INLINE uint32_t
index_u32(const char *buf, Py_ssize_t at)
{
    uint32_t v;
    memcpy(&v, buf + at, sizeof v);
    return v;
}

/* The first record from lo (below hi) of length `size` or more: the lengths are ordered. */
static Py_ssize_t
first_of_length(const char *buf, Py_ssize_t count, Py_ssize_t lo, Py_ssize_t hi, Py_ssize_t size)
{
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2;
        if ((Py_ssize_t)index_u32(buf, INDEX_LENS(count, mid)) < size)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The words near_words_in_index has found: their starts and lengths, grown as needed. */
typedef struct {
    LineWord *words;
    Py_ssize_t found, room;
} NearOnes;

/* Record k of the index, read whole: 0, or -1 with ValueError set where it lies outside the line. */
static int
index_record(PyObject *line, const char *buf, Py_ssize_t count, Py_ssize_t k, LineWord *w)
{
    w->start = index_u32(buf, INDEX_STARTS(count, k));
    w->len = index_u32(buf, INDEX_LENS(count, k));
    w->bits = 0;
    if ((Py_ssize_t)w->start + (Py_ssize_t)w->len > PyUnicode_GET_LENGTH(line)) {
        PyErr_SetString(PyExc_ValueError, "near_words_in_index: the index is not the line's");
        return -1;
    }
    return 0;
}

/* A word found near the typo, kept in `near` (grown as needed): 0, or -1 with MemoryError set. */
static int
keep_near(NearOnes *near, LineWord w)
{
    if (near->found == near->room) {
        Py_ssize_t room = near->room ? 2 * near->room : 16;
        LineWord *more = PyMem_Realloc(near->words, (size_t)room * sizeof(LineWord));
        if (more == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        near->words = more;
        near->room = room;
    }
    near->words[near->found++] = w;
    return 0;
}

/* Record k tested as near_typo does once its length and bits have passed: kept in `near` when
 * the word is near the typo. 0, or -1 with an error set (a record outside the line: ValueError). */
static int
keep_if_near(const Typo *t, PyObject *line, const char *buf, Py_ssize_t count, Py_ssize_t k, NearOnes *near)
{
    LineWord w;
    int kl = PyUnicode_KIND(line), is_near;
    if (index_record(line, buf, count, k, &w) < 0)
        return -1;
    is_near = near_typo_apart(t, kl, (const char *)PyUnicode_DATA(line) + (Py_ssize_t)w.start * kl, w.len);
    if (is_near <= 0)
        return is_near;
    return keep_near(near, w);
}

#if defined(__SSE2__) && defined(__x86_64__)
/* osa_by_bits for two one-byte words of one length m at once, one in each 64-bit lane of the
 * SSE2 registers (the same operations, lane by lane: sums and shifts stay inside a lane): their
 * distances into d[0] (a) and d[1] (b). A run of one length in a line's index passes its
 * words' bits two at a time and more (bits_passing): half the instructions of two calls. */
static ALWAYS_INLINE void
osa_by_bits_two(const Typo *t, const Py_UCS1 *a, const Py_UCS1 *b, Py_ssize_t m, int d[2])
{
    const __m128i ones = _mm_set1_epi32(-1), one = _mm_set_epi64x(1, 1);
    __m128i vp = ones, vn = _mm_setzero_si128(), d0 = _mm_setzero_si128(), pm_prev = _mm_setzero_si128();
    uint64_t typo = t->n == 64 ? ~0ULL : (1ULL << t->n) - 1, lanes[2];
    Py_ssize_t j;
    for (j = 0; j < m; j++) {
        __m128i pm = _mm_set_epi64x((long long)t->peq[b[j]], (long long)t->peq[a[j]]), hp, hn, x;
        x = _mm_xor_si128(_mm_add_epi64(_mm_and_si128(pm, vp), vp), vp);
        d0 = _mm_or_si128(_mm_or_si128(x, pm), _mm_or_si128(vn, _mm_and_si128(_mm_slli_epi64(_mm_andnot_si128(d0, pm), 1), pm_prev)));
        hp = _mm_or_si128(vn, _mm_andnot_si128(_mm_or_si128(d0, vp), ones));
        hn = _mm_and_si128(d0, vp);
        x = _mm_or_si128(_mm_slli_epi64(hp, 1), one);
        vp = _mm_or_si128(_mm_slli_epi64(hn, 1), _mm_andnot_si128(_mm_or_si128(d0, x), ones));
        vn = _mm_and_si128(d0, x);
        pm_prev = pm;
    }
    _mm_storeu_si128((__m128i *)lanes, vp);
    d[0] = (int)m + bits_set(lanes[0] & typo);
    d[1] = (int)m + bits_set(lanes[1] & typo);
    _mm_storeu_si128((__m128i *)lanes, vn);
    d[0] -= bits_set(lanes[0] & typo);
    d[1] -= bits_set(lanes[1] & typo);
}
#endif

/* Records j and k of one length, their bits passed, tested as keep_if_near tests each (j's
 * first): two at once by osa_by_bits_two where the typo's column fits a machine word and the
 * line is one-byte text (the shipped tables), else one at a time. 0, or -1 with an error set. */
static int
keep_two_if_near(const Typo *t, PyObject *line, const char *buf, Py_ssize_t count, Py_ssize_t j, Py_ssize_t k,
                 NearOnes *near)
{
#if defined(__SSE2__) && defined(__x86_64__)
    if (t->by_bits && PyUnicode_KIND(line) == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *text = PyUnicode_1BYTE_DATA(line);
        LineWord a, b;
        int d[2];
        if (index_record(line, buf, count, j, &a) < 0 || index_record(line, buf, count, k, &b) < 0)
            return -1;
        if (a.len == b.len) { /* (else an index not the line's, its lengths not ordered: one at a time) */
            osa_by_bits_two(t, text + a.start, text + b.start, a.len, d);
            if (near_distance(d[0]) && keep_near(near, a) < 0)
                return -1;
            if (near_distance(d[1]) && keep_near(near, b) < 0)
                return -1;
            return 0;
        }
    }
#endif
    if (keep_if_near(t, line, buf, count, j, near) < 0)
        return -1;
    return keep_if_near(t, line, buf, count, k, near);
}

/* Record k of a run passed its bits: held (*held) until the next passes, then tested with it
 * (keep_two_if_near). 0, or -1 with an error set. */
static ALWAYS_INLINE int
record_passed(const Typo *t, PyObject *line, const char *buf, Py_ssize_t count, Py_ssize_t k, Py_ssize_t *held,
              NearOnes *near)
{
    Py_ssize_t j = *held;
    if (j < 0) {
        *held = k;
        return 0;
    }
    *held = -1;
    return keep_two_if_near(t, line, buf, count, j, k, near);
}

/* The records [i, end) of one length, `apart` letters from the typo's, whose bits pass the bound
 * of `too_many_bits` against the typo's (`typo_bits`), then tested two at a time in the order
 * they pass (`keep_two_if_near`; the last alone, by `keep_if_near`): with SSE2, four records'
 * bits at a time (each lowest bit cleared in every lane at once, the lanes left at zero
 * passing: most records fail, in a handful of instructions for four). 0, or -1. */
static int
bits_passing(const Typo *t, PyObject *line, const char *buf, Py_ssize_t count, Py_ssize_t i, Py_ssize_t end,
             uint32_t typo_bits, Py_ssize_t apart, NearOnes *near)
{
    Py_ssize_t held = -1; /* a record passed and not yet tested: tested with the next (keep_two_if_near) */
#if defined(__SSE2__)
    const __m128i typo4 = _mm_set1_epi32((int)typo_bits), ones = _mm_set1_epi32(-1), zero = _mm_setzero_si128();
    for (; i + 4 <= end; i += 4) {
        __m128i x = _mm_xor_si128(_mm_loadu_si128((const __m128i *)(buf + INDEX_BITS(count, i))), typo4);
        unsigned pass;
        x = _mm_and_si128(x, _mm_add_epi32(x, ones)); /* as too_many_bits clears them */
        x = _mm_and_si128(x, _mm_add_epi32(x, ones));
        if (apart < 2)
            x = _mm_and_si128(x, _mm_add_epi32(x, ones));
        if (apart < 1)
            x = _mm_and_si128(x, _mm_add_epi32(x, ones));
        pass = (unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(x, zero)));
        for (; pass; pass &= pass - 1)
            if (record_passed(t, line, buf, count, i + __builtin_ctz(pass), &held, near) < 0)
                return -1;
    }
#endif
    for (; i < end; i++)
        if (!too_many_bits(typo_bits ^ index_u32(buf, INDEX_BITS(count, i)), apart) &&
            record_passed(t, line, buf, count, i, &held, near) < 0)
            return -1;
    return held < 0 ? 0 : keep_if_near(t, line, buf, count, held, near);
}

/* near_words_in_index(typo, line, index): near_words_in_line(typo, line), read from the line's
 * index (line_index(line)): only its runs of words within two letters of the typo's length are
 * read (each found by binary search: the index is ordered by length), a word of the wrong
 * letters passed over by its bits (`bits_passing`), the line's text read only for the others,
 * and the words found given in the line's order. An index that is not one of `line` may give
 * any words of it, never reads outside it (a record read past its end is a ValueError). */
static PyObject *
near_words_in_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *typo, *line, *out = NULL;
    Py_buffer index;
    Py_ssize_t i, count, size;
    NearOnes near = {NULL, 0, 0};
    LineWord *near_ones;
    Py_ssize_t found;
    uint32_t typo_bits = 0;
    const char *buf;
    Typo t;
    if (BAD_COUNT(3, 3) || BAD_STR(0) || BAD_STR(1) || BAD_BUFFER(2, index))
        return NULL;
    typo = args[0], line = args[1];
    if (index.len % (Py_ssize_t)sizeof(LineWord)) {
        PyErr_SetString(PyExc_ValueError, "near_words_in_index: not an index");
        goto done;
    }
    typo_of(typo, &t);
    for (i = 0; i < t.n; i++)
        typo_bits |= (uint32_t)1 << (PyUnicode_READ(t.kind, t.data, i) % 32);
    buf = index.buf;
    count = index.len / (Py_ssize_t)sizeof(LineWord);
    size = t.n > 2 ? t.n - 2 : 0;
    i = first_of_length(buf, count, 0, count, size);
    for (; size <= t.n + 2 && i < count; size++) { /* a run of one length at a time */
        Py_ssize_t end = first_of_length(buf, count, i, count, size + 1);
        if (bits_passing(&t, line, buf, count, i, end, typo_bits, size > t.n ? size - t.n : t.n - size, &near) < 0)
            goto done;
        i = end;
    }
    near_ones = near.words;
    found = near.found;
    for (i = 1; i < found; i++) { /* the few found, back in the line's order */
        LineWord w = near_ones[i];
        Py_ssize_t j = i;
        while (j > 0 && near_ones[j - 1].start > w.start) {
            near_ones[j] = near_ones[j - 1];
            j--;
        }
        near_ones[j] = w;
    }
    out = PyList_New(found);
    if (out == NULL)
        goto done;
    for (i = 0; i < found; i++) {
        PyObject *word = PyUnicode_Substring(line, near_ones[i].start, (Py_ssize_t)near_ones[i].start + near_ones[i].len);
        if (word == NULL) {
            Py_CLEAR(out);
            goto done;
        }
        PyList_SET_ITEM(out, i, word);
    }
done:
    PyMem_Free(near.words);
    PyBuffer_Release(&index);
    return out;
}

/* The bits of `key` as read_bits's table holds them, where the table mirrors `memory` (defined
 * with it, below): the bits (>= 0), -1 when they do not fit a machine word, -2 with an error set,
 * and -3 when the table is not the memory's or the key no exact str (the memory is read then). */
static long long kept_bits_for(PyObject *memory, PyObject *key);

/* `item` filed by its bits, as select_bits files it: into `found` when a test asked and passed,
 * onto `new` when no test asked; the reference to `item` released. -1 with an error set, else 0. */
static ALWAYS_INLINE int
file_by_bits(long long bits, long long tested, long long passed, PyObject *item, PyObject *found, PyObject *new)
{
    int err = bits & tested ? (bits & passed ? PySet_Add(found, item) : 0) : PyList_Append(new, item);
    Py_DECREF(item);
    return err;
}

/* newslint.tokens.Shape's bits, as shape_of answers them (below). */
#define SHAPE_LOWER 1
#define SHAPE_CAPITAL 2
#define SHAPE_UPPER 4
#define SHAPE_MIXED 8
#define SHAPE_LETTERS 16
#define SHAPE_OTHER 32
#define SHAPE_ANY 63
static int shape_of(PyObject *word);

/* select_bits(keys, memory, tested, passed[, shapes]): (the keys tested and passed, those
 * untested), and with `shapes` (Shape bits) the keys of those shapes as a third set, read in the
 * same walk (`LetterTest.select_shaped`: NL101's capital candidates and its capitalised words). */
static PyObject *
select_bits(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *keys, *memory, *tested, *passed, *iter = NULL, *item, *found = NULL, *new = NULL, *shaped = NULL;
    long long tested_mask, passed_mask = 0;
    int overflow = 0, small_masks = 0, in_set, shapes = 0;
    Py_ssize_t pos = 0, size;
    Py_hash_t hash;
    if (BAD_COUNT(4, 5) || BAD_TYPE(1, PyDict_Check, "dict"))
        return NULL;
    keys = args[0], memory = args[1], tested = args[2], passed = args[3];
    if (nargs == 5) {
        Py_ssize_t wanted;
        if (ssize_arg(__func__, args, 4, &wanted) < 0)
            return NULL;
        shapes = (int)(wanted & SHAPE_ANY);
        if ((shaped = PySet_New(NULL)) == NULL)
            return NULL;
    }
    tested_mask = PyLong_Check(tested) ? PyLong_AsLongLongAndOverflow(tested, &overflow) : -1;
    if (!PyErr_Occurred() && !overflow && tested_mask > 0) {
        passed_mask = PyLong_Check(passed) ? PyLong_AsLongLongAndOverflow(passed, &overflow) : -1;
        small_masks = !PyErr_Occurred() && !overflow && passed_mask > 0;
    }
    PyErr_Clear();
    found = PySet_New(NULL);
    new = PyList_New(0);
    /* a set's keys read in place, in the order its iterator gives them (most callers pass one:
     * a story's selected words), without an iterator and a call a key */
    in_set = PySet_CheckExact(keys) || PyFrozenSet_CheckExact(keys);
    if (!in_set)
        iter = PyObject_GetIter(keys);
    if (found == NULL || new == NULL || (!in_set && iter == NULL))
        goto fail;
    size = in_set ? PySet_GET_SIZE(keys) : 0;
    for (;;) {
        PyObject *bits, *got;
        int is_tested, is_passed, err;
        if (!in_set) {
            if ((item = PyIter_Next(iter)) == NULL)
                break;
        } else {
            if (PySet_GET_SIZE(keys) != size) { /* (a key's own __eq__ changed it) as its iterator says */
                PyErr_SetString(PyExc_RuntimeError, "Set changed size during iteration");
                goto fail;
            }
            if (!_PySet_NextEntry(keys, &pos, &item, &hash))
                break;
            Py_INCREF(item);
        }
        if (shaped != NULL) { /* (a key no str is of no shape: word_shape would raise) */
            if (!PyUnicode_Check(item)) {
                wrong_type(__func__, 0, "an iterable of str", item);
                Py_DECREF(item);
                goto fail;
            }
            if (shape_of(item) & shapes && PySet_Add(shaped, item) < 0) {
                Py_DECREF(item);
                goto fail;
            }
        }
        if (small_masks) { /* the table read_bits keeps, where it is the memory's: no dict lookup */
            long long kept = kept_bits_for(memory, item);
            if (kept == -2) {
                Py_DECREF(item);
                goto fail;
            }
            if (kept >= 0) {
                if (file_by_bits(kept, tested_mask, passed_mask, item, found, new) < 0)
                    goto fail;
                continue;
            }
        }
        bits = PyDict_GetItemWithError(memory, item); /* borrowed */
        if (bits == NULL) {
            if (PyErr_Occurred()) {
                Py_DECREF(item);
                goto fail;
            }
            err = PyList_Append(new, item);
            Py_DECREF(item);
            if (err < 0)
                goto fail;
            continue;
        }
        if (small_masks && PyLong_CheckExact(bits)) { /* the usual case: bits fit a machine word */
            int overflow;
            long long value = PyLong_AsLongLongAndOverflow(bits, &overflow);
            if (!overflow && !(value == -1 && PyErr_Occurred())) {
                if (file_by_bits(value, tested_mask, passed_mask, item, found, new) < 0)
                    goto fail;
                continue;
            }
            PyErr_Clear();
        }
        Py_INCREF(bits); /* held while testing: another thread may replace it in the dict */
        got = PyNumber_And(bits, tested);
        is_tested = got == NULL ? -1 : PyObject_IsTrue(got);
        Py_XDECREF(got);
        is_passed = 0;
        if (is_tested == 1) {
            got = PyNumber_And(bits, passed);
            is_passed = got == NULL ? -1 : PyObject_IsTrue(got);
            Py_XDECREF(got);
        }
        Py_DECREF(bits);
        if (is_tested < 0 || is_passed < 0) {
            Py_DECREF(item);
            goto fail;
        }
        err = is_tested ? (is_passed ? PySet_Add(found, item) : 0) : PyList_Append(new, item);
        Py_DECREF(item);
        if (err < 0)
            goto fail;
    }
    if (PyErr_Occurred())
        goto fail;
    Py_XDECREF(iter);
    {
        PyObject *items[3] = {found, new, shaped};
        return tuple_of_new(shaped == NULL ? 2 : 3, items);
    }
fail:
    Py_XDECREF(found);
    Py_XDECREF(new);
    Py_XDECREF(shaped);
    Py_XDECREF(iter);
    return NULL;
}

/* --- learning (`newslint learn`, newslint/learn.py): the counting of every story of an archive --- */

/* str.isalpha() of a word */
static int
all_letters(PyObject *word)
{
    int kind = PyUnicode_KIND(word);
    const void *data = PyUnicode_DATA(word);
    Py_ssize_t i, n = PyUnicode_GET_LENGTH(word);
    if (n == 0)
        return 0;
    for (i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch < 128 ? ASCII_CLASS[ch] != ASCII_LETTER : !Py_UNICODE_ISALPHA(ch))
            return 0;
    }
    return 1;
}

/* d[key] = value, the reference to value taken over (value NULL: an error already set) */
static int
set_stolen(PyObject *d, PyObject *key, PyObject *value)
{
    int err;
    if (value == NULL)
        return -1;
    err = PyDict_SetItem(d, key, value);
    Py_DECREF(value);
    return err;
}

/* A story's distinct tokens while story_words scans it: each token's text is looked up by its
 * place in the story (a hash of its characters, then memcmp against the first use), so that a word
 * used again costs no new string and no dict lookup. `slots` is an open-addressed table of indices
 * into `entries` (-1: empty), kept at most half full; `entries` are in the order of first use. */
typedef struct {
    Py_uhash_t hash;
    Py_ssize_t start, length, uses;
    PyObject *word; /* a new reference */
} StoryWord;

typedef struct {
    StoryWord *entries;
    Py_ssize_t size, capacity;
    Py_ssize_t *slots;
    Py_ssize_t mask;
} StoryWords;

static void
story_words_free(StoryWords *t)
{
    Py_ssize_t i;
    for (i = 0; i < t->size; i++)
        Py_DECREF(t->entries[i].word);
    PyMem_Free(t->entries);
    PyMem_Free(t->slots);
}

static int
story_words_grow(StoryWords *t)
{
    Py_ssize_t i, capacity = t->capacity ? 2 * t->capacity : 64, nslots = 2 * capacity;
    StoryWord *entries = PyMem_Realloc(t->entries, capacity * sizeof(StoryWord));
    Py_ssize_t *slots;
    if (entries == NULL)
        return -1;
    t->entries = entries;
    slots = PyMem_Malloc(nslots * sizeof(Py_ssize_t));
    if (slots == NULL)
        return -1;
    for (i = 0; i < nslots; i++)
        slots[i] = -1;
    for (i = 0; i < t->size; i++) {
        Py_ssize_t at = (Py_ssize_t)(entries[i].hash & (Py_uhash_t)(nslots - 1));
        while (slots[at] >= 0)
            at = (at + 1) & (nslots - 1);
        slots[at] = i;
    }
    PyMem_Free(t->slots);
    t->slots = slots;
    t->mask = nslots - 1;
    t->capacity = capacity;
    return 0;
}

/* The word text[p:e], from the table or made and added to it (a borrowed reference; NULL: error). */
static PyObject *
story_word(StoryWords *t, PyObject *text, int kind, const void *data, Py_ssize_t p, Py_ssize_t e)
{
    Py_uhash_t hash = 14695981039346656037ULL;
    Py_ssize_t i, at, length = e - p;
    const char *chars = (const char *)data + p * kind;
    StoryWord *entry;
    for (i = p; i < e; i++)
        hash = (hash ^ PyUnicode_READ(kind, data, i)) * 1099511628211ULL;
    if (t->size >= t->capacity && story_words_grow(t) < 0) {
        PyErr_NoMemory();
        return NULL;
    }
    for (at = (Py_ssize_t)(hash & (Py_uhash_t)t->mask); t->slots[at] >= 0; at = (at + 1) & t->mask) {
        entry = &t->entries[t->slots[at]];
        if (entry->hash == hash && entry->length == length &&
            memcmp((const char *)data + entry->start * kind, chars, (size_t)(length * kind)) == 0) {
            entry->uses++;
            return entry->word;
        }
    }
    entry = &t->entries[t->size];
    entry->word = PyUnicode_Substring(text, p, e);
    if (entry->word == NULL)
        return NULL;
    entry->hash = hash;
    entry->start = p;
    entry->length = length;
    entry->uses = 1;
    t->slots[at] = t->size++;
    return entry->word;
}

/* story_words(text, counts, kind_of, word_kind): the tokens of text, as TOKEN.findall finds them
 * (a list; a word used again is the same string object); `counts` (a dict) gets each token's
 * number of uses added, in the order of first use, then loses the tokens that are no words: those
 * not all letters whose kind_of(token) is not word_kind (numbers, 5pm). */
static PyObject *
story_words(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *counts, *kind_of, *word_kind, *tokens, *keys = NULL;
    StoryWords table = {NULL, 0, 0, NULL, 0};
    Py_ssize_t i, p, n;
    int kind;
    const void *data;
    if (BAD_COUNT(4, 4) || BAD_STR(0) || BAD_TYPE(1, PyDict_Check, "dict"))
        return NULL;
    text = args[0], counts = args[1], kind_of = args[2], word_kind = args[3];
    tokens = PyList_New(0);
    if (tokens == NULL)
        return NULL;
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    n = PyUnicode_GET_LENGTH(text);
    p = 0;
    while (p < n) { /* count_range's scan, each text looked up in the table */
        Py_ssize_t e;
        PyObject *word;
        if (!IS_WORD(PyUnicode_READ(kind, data, p))) {
            p++;
            continue;
        }
        e = token_end(kind, data, p, n);
        word = story_word(&table, text, kind, data, p, e);
        if (word == NULL || PyList_Append(tokens, word) < 0)
            goto fail;
        p = e;
    }
    for (i = 0; i < table.size; i++) {
        PyObject *old = PyDict_GetItemWithError(counts, table.entries[i].word), *sum; /* borrowed */
        if (old == NULL && PyErr_Occurred())
            goto fail;
        sum = PyLong_FromSsize_t(table.entries[i].uses);
        if (sum != NULL && old != NULL) {
            PyObject *added = PyNumber_Add(old, sum);
            Py_DECREF(sum);
            sum = added;
        }
        if (set_stolen(counts, table.entries[i].word, sum) < 0)
            goto fail;
    }
    keys = PyDict_Keys(counts);
    if (keys == NULL)
        goto fail;
    for (i = 0; i < PyList_GET_SIZE(keys); i++) {
        PyObject *word = PyList_GET_ITEM(keys, i), *found;
        if (all_letters(word))
            continue;
        found = PyObject_CallOneArg(kind_of, word);
        if (found == NULL)
            goto fail;
        Py_DECREF(found); /* compared by identity only: an enum member, held by its class */
        if (found != word_kind && PyDict_DelItem(counts, word) < 0)
            goto fail;
    }
    Py_DECREF(keys);
    story_words_free(&table);
    return tokens;
fail:
    Py_XDECREF(keys);
    Py_DECREF(tokens);
    story_words_free(&table);
    return NULL;
}

/* add_counts(total, counts, ones): for each key of the dict `counts`, total[key] += counts[key]
 * (as Counter.update with a mapping), or += 1 with `ones` (in how many parts the key is). */
static PyObject *
add_counts(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *total, *counts, *key, *value, *one;
    Py_ssize_t pos = 0;
    int ones;
    if (BAD_COUNT(3, 3) || BAD_TYPE(0, PyDict_Check, "dict") || BAD_TYPE(1, PyDict_Check, "dict") ||
        (ones = PyObject_IsTrue(args[2])) < 0)
        return NULL;
    total = args[0], counts = args[1];
    if (total == counts) {
        PyErr_SetString(PyExc_ValueError, "add_counts: a table cannot be added to itself");
        return NULL;
    }
    one = PyLong_FromLong(1); /* a small int: cached by Python, never fails */
    while (PyDict_Next(counts, &pos, &key, &value)) {
        PyObject *old = PyDict_GetItemWithError(total, key), *sum; /* borrowed */
        if (old == NULL && PyErr_Occurred())
            goto fail;
        if (ones && old == NULL) {
            sum = one;
            Py_INCREF(sum);
        } else if (ones) {
            sum = PyNumber_Add(old, one);
        } else if (old == NULL) {
            sum = value;
            Py_INCREF(sum);
        } else {
            sum = PyNumber_Add(old, value);
        }
        if (set_stolen(total, key, sum) < 0)
            goto fail;
    }
    Py_XDECREF(one);
    Py_RETURN_NONE;
fail:
    Py_XDECREF(one);
    return NULL;
}

/* A word's sums in a batch's tallies (tally_words): one record, so that a story's word reads one
 * place of memory for all three (a tally of 100,000 words and more is read at random, a cache miss
 * a place: three arrays cost three misses a word). */
typedef struct {
    long long uses, stories, bits;
} TallyRecord;

/* The number of `key` in a batch's tallies, numbered and its record added (zeroed) here when it is
 * new: `*size` is the number of words. -1 with an exception set on an error. */
static Py_ssize_t
tally_index(PyObject *index, PyObject *key, PyObject *sums, Py_ssize_t *size)
{
    PyObject *at = PyDict_GetItemWithError(index, key); /* borrowed */
    Py_ssize_t i;
    if (at != NULL) {
        i = PyLong_AsSsize_t(at);
        if (i < 0 || i >= *size) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "tally_words: an index out of range");
            return -1;
        }
        return i;
    }
    if (PyErr_Occurred())
        return -1;
    i = *size;
    if (set_stolen(index, key, PyLong_FromSsize_t(i)) < 0)
        return -1;
    *size = i + 1;
    if (PyByteArray_Resize(sums, *size * (Py_ssize_t)sizeof(TallyRecord)) < 0)
        return -1;
    memset(PyByteArray_AS_STRING(sums) + i * sizeof(TallyRecord), 0, sizeof(TallyRecord));
    return i;
}

/* tally_words(counts, index, sums, tests): one story's word counts (a dict: word -> uses) added to
 * a batch's tallies without a Python int per sum: `index` (a dict) numbers each word in the order
 * first tallied, and `sums` (a bytearray, grown here) holds a record a word of native 64-bit
 * integers: its uses, its stories (1 added for this one) and its letter tests' bits. `tests` (a
 * tuple of at most MANY_TALLIED callables: word -> truth) are run on each word new to the tally,
 * once while the tally holds it (test t: bit 2t set when tested, bit 2t+1 when passed); returns
 * a list of sets, one a test: the story's words that pass it. */
#define MANY_TALLIED 32

static PyObject *
tally_words(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *counts, *index, *sums, *tests, *key, *value, *out;
    Py_ssize_t pos = 0, size, t, ntests;
    if (BAD_COUNT(4, 4) || BAD_TYPE(0, PyDict_Check, "dict") || BAD_TYPE(1, PyDict_Check, "dict") ||
        BAD_TYPE(2, PyByteArray_Check, "bytearray") || BAD_TYPE(3, PyTuple_Check, "tuple"))
        return NULL;
    counts = args[0], index = args[1], sums = args[2], tests = args[3];
    size = PyDict_GET_SIZE(index);
    ntests = PyTuple_GET_SIZE(tests);
    if (PyByteArray_GET_SIZE(sums) != size * (Py_ssize_t)sizeof(TallyRecord)) {
        PyErr_SetString(PyExc_ValueError, "tally_words: the tallies and the index differ in size");
        return NULL;
    }
    if (ntests > MANY_TALLIED) {
        PyErr_SetString(PyExc_ValueError, "tally_words: too many tests for a word's bits");
        return NULL;
    }
    out = PyList_New(ntests);
    if (out == NULL)
        return NULL;
    for (t = 0; t < ntests; t++) {
        PyObject *found = PySet_New(NULL);
        if (found == NULL)
            goto fail;
        PyList_SET_ITEM(out, t, found);
    }
    while (PyDict_Next(counts, &pos, &key, &value)) {
        Py_ssize_t n = PyLong_AsSsize_t(value), i;
        TallyRecord *record;
        if (n == -1 && PyErr_Occurred())
            goto fail;
        i = tally_index(index, key, sums, &size);
        if (i < 0)
            goto fail;
        record = (TallyRecord *)PyByteArray_AS_STRING(sums) + i;
        record->uses += n;
        record->stories += 1;
        for (t = 0; t < ntests; t++) {
            long long tested = 1LL << 2 * t, passed = 2LL << 2 * t;
            if (!(record->bits & tested)) { /* new to the tally: tested now, and remembered */
                PyObject *answer = PyObject_CallOneArg(PyTuple_GET_ITEM(tests, t), key);
                int truth = answer == NULL ? -1 : PyObject_IsTrue(answer);
                Py_XDECREF(answer);
                if (truth < 0)
                    goto fail;
                record = (TallyRecord *)PyByteArray_AS_STRING(sums) + i; /* the test may not move it, but */
                record->bits |= truth ? tested | passed : tested;
            }
            if (record->bits & passed && PySet_Add(PyList_GET_ITEM(out, t), key) < 0)
                goto fail;
        }
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

/* A word in lowercase letters only: no character that is not a letter, none in capitals. */
static int
lowercase_letters(PyObject *word)
{
    int kind = PyUnicode_KIND(word);
    const void *data = PyUnicode_DATA(word);
    Py_ssize_t i, n = PyUnicode_GET_LENGTH(word);
    for (i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch < 128 ? !(ch >= 'a' && ch <= 'z')
                     : !Py_UNICODE_ISALPHA(ch) || Py_UNICODE_ISUPPER(ch) || Py_UNICODE_ISTITLE(ch))
            return 0;
    }
    return 1;
}

/* A sketch of a set of words for joined_pairs: one bit (of PAIR_FILTER_BITS) per word, chosen by
 * the word's length and its first three and last three characters, so that most pairs that join
 * into no word of the set are passed over without building the joined string. */
#define PAIR_FILTER_BITS 20
#define PAIR_FILTER_BYTES ((Py_ssize_t)1 << (PAIR_FILTER_BITS - 3))

/* The bit of the string a + b (b may be empty): its length and the characters at 0, 1, 2, n-3,
 * n-2 and n-1 (clamped to the string). */
static Py_ssize_t
pair_bit(int ka, const void *da, Py_ssize_t na, int kb, const void *db, Py_ssize_t nb)
{
    static const int at[6] = {0, 1, 2, -3, -2, -1};
    Py_ssize_t n = na + nb, k;
    unsigned long long h = (unsigned long long)n;
    for (k = 0; k < 6; k++) {
        Py_ssize_t i = at[k] >= 0 ? at[k] : n + at[k];
        Py_UCS4 ch;
        if (i < 0)
            i = 0;
        if (i >= n)
            i = n - 1;
        ch = i < na ? PyUnicode_READ(ka, da, i) : PyUnicode_READ(kb, db, i - na);
        h = (h ^ ch) * 0x100000001b3ULL;
    }
    return (Py_ssize_t)((h * 0x9E3779B97F4A7C15ULL) >> (64 - PAIR_FILTER_BITS));
}

/* pair_filter(words): the sketch (bytes) of the non-empty strings of `words` (any iterable). */
static PyObject *
pair_filter(PyObject *self, PyObject *words)
{
    PyObject *iter, *word, *out;
    unsigned char *bits;
    out = PyBytes_FromStringAndSize(NULL, PAIR_FILTER_BYTES);
    if (out == NULL)
        return NULL;
    bits = (unsigned char *)PyBytes_AS_STRING(out);
    memset(bits, 0, PAIR_FILTER_BYTES);
    iter = PyObject_GetIter(words);
    if (iter == NULL) {
        Py_DECREF(out);
        return NULL;
    }
    while ((word = PyIter_Next(iter)) != NULL) {
        if (PyUnicode_Check(word) && PyUnicode_GET_LENGTH(word) > 0) {
            Py_ssize_t bit = pair_bit(PyUnicode_KIND(word), PyUnicode_DATA(word), PyUnicode_GET_LENGTH(word),
                                      PyUnicode_1BYTE_KIND, "", 0);
            bits[bit >> 3] |= (unsigned char)(1 << (bit & 7));
        }
        Py_DECREF(word);
    }
    Py_DECREF(iter);
    if (PyErr_Occurred()) {
        Py_DECREF(out);
        return NULL;
    }
    return out;
}

/* joined_pairs(tokens, words, shortest, longest[, sketch]): the set of tokens[i] + tokens[i + 1]
 * that are in `words` (a set or frozenset of words in lowercase letters, shortest to longest
 * characters long). Only pairs of tokens in lowercase letters of that length together are joined:
 * no other pair can make such a word; with `sketch` (pair_filter(words)), only those whose bit
 * it sets. */
static PyObject *
joined_pairs(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *tokens, *words, *found, *sketch = NULL;
    Py_ssize_t shortest, longest, i, n;
    const unsigned char *bits = NULL;
    char *lower;
    if (BAD_COUNT(4, 5) || BAD_TYPE(0, PyList_Check, "list") || BAD_SSIZE(2, shortest) || BAD_SSIZE(3, longest) ||
        (nargs > 4 && BAD_TYPE(4, PyBytes_Check, "bytes")))
        return NULL;
    tokens = args[0], words = args[1], sketch = nargs > 4 ? args[4] : NULL;
    if (!PyAnySet_Check(words)) {
        PyErr_SetString(PyExc_TypeError, "joined_pairs: words must be a set or frozenset");
        return NULL;
    }
    if (sketch != NULL) {
        if (PyBytes_GET_SIZE(sketch) != PAIR_FILTER_BYTES) {
            PyErr_SetString(PyExc_ValueError, "joined_pairs: the sketch is not one pair_filter made");
            return NULL;
        }
        bits = (const unsigned char *)PyBytes_AS_STRING(sketch);
    }
    found = PySet_New(NULL);
    if (found == NULL)
        return NULL;
    n = PyList_GET_SIZE(tokens);
    if (n < 2)
        return found;
    lower = PyMem_Malloc(n);
    if (lower == NULL) {
        Py_DECREF(found);
        return PyErr_NoMemory();
    }
    for (i = 0; i < n; i++) {
        PyObject *token = PyList_GET_ITEM(tokens, i);
        lower[i] = PyUnicode_Check(token) && lowercase_letters(token);
    }
    for (i = 0; i + 1 < n; i++) {
        PyObject *a = PyList_GET_ITEM(tokens, i), *b = PyList_GET_ITEM(tokens, i + 1), *joined;
        Py_ssize_t size;
        int in;
        if (!lower[i] || !lower[i + 1])
            continue;
        size = PyUnicode_GET_LENGTH(a) + PyUnicode_GET_LENGTH(b);
        if (size < shortest || size > longest)
            continue;
        if (bits != NULL) {
            Py_ssize_t bit = pair_bit(PyUnicode_KIND(a), PyUnicode_DATA(a), PyUnicode_GET_LENGTH(a),
                                      PyUnicode_KIND(b), PyUnicode_DATA(b), PyUnicode_GET_LENGTH(b));
            if (!(bits[bit >> 3] & (1 << (bit & 7))))
                continue;
        }
        joined = PyUnicode_Concat(a, b);
        if (joined == NULL)
            goto fail;
        in = PySet_Contains(words, joined);
        if (in < 0 || (in && PySet_Add(found, joined) < 0)) {
            Py_DECREF(joined);
            goto fail;
        }
        Py_DECREF(joined);
    }
    PyMem_Free(lower);
    return found;
fail:
    PyMem_Free(lower);
    Py_DECREF(found);
    return NULL;
}

/* --- A new word's letter tests (LetterTest._finish, newslint/tokens.py): one call per test --- */

/* The shape of a word, from one walk of its characters: newslint.tokens.word_shape's classes
 * (SHAPE_LOWER and the rest, defined before select_bits). */
static int
shape_of(PyObject *word)
{
    int kind = PyUnicode_KIND(word), first_upper = 0, non_ascii = 0;
    const void *data = PyUnicode_DATA(word);
    Py_ssize_t n = PyUnicode_GET_LENGTH(word), i, lower = 0, upper = 0;
    if (n == 0)
        return SHAPE_OTHER;
    for (i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c >= 'a' && c <= 'z')
            lower++;
        else if (c >= 'A' && c <= 'Z') {
            upper++;
            first_upper |= i == 0;
        } else if (c < 128 || !Py_UNICODE_ISALPHA(c))
            return SHAPE_OTHER; /* not letters only: str.isalpha() is False */
        else
            non_ascii = 1;
    }
    if (non_ascii)
        return SHAPE_LETTERS;
    if (upper == 0)
        return SHAPE_LOWER;
    if (lower == 0)
        return SHAPE_UPPER;
    return first_upper && upper == 1 ? SHAPE_CAPITAL : SHAPE_MIXED;
}

static PyObject *
word_shape(PyObject *self, PyObject *word)
{
    if (!PyUnicode_Check(word)) {
        PyErr_SetString(PyExc_TypeError, "word_shape: a str is needed");
        return NULL;
    }
    return PyLong_FromLong(shape_of(word));
}

/* Whether the container holds `key`: a set or frozenset looked up in C, anything else through its
 * __contains__ (a word list before its set is built, a table's keys). 1, 0, or -1 on error. */
static int
holds(PyObject *container, PyObject *key)
{
    return PyAnySet_Check(container) ? PySet_Contains(container, key) : PySequence_Contains(container, key);
}

/* The lowercase form of a word of ASCII letters alone (its shape one of the four ASCII ones): the
 * word itself when it is lowercase, else a lowercase copy; a new reference, NULL on error. */
static PyObject *
ascii_lowered(PyObject *word, int shape)
{
    PyObject *lower;
    Py_ssize_t i, n;
    if (shape == SHAPE_LOWER)
        return Py_NewRef(word);
    n = PyUnicode_GET_LENGTH(word);
    lower = PyUnicode_New(n, 127);
    if (lower == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        Py_UCS1 c = PyUnicode_1BYTE_DATA(word)[i];
        PyUnicode_1BYTE_DATA(lower)[i] = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
    return lower;
}

/* The lowercase copies ascii_looked_up made last, each by the exact str it is of, in a slot read
 * from the str's address (each held, so that an address met again is the same str): a story's
 * new capitalised word is asked by a dozen letter tests, each of which made its own copy,
 * hashed it for one lookup and freed it (3,072 copies in the 266-story sample). */
#define LOWERED_SLOTS 64
static struct {
    PyObject *word, *lower;
} lowered_kept[LOWERED_SLOTS];

/* ascii_lowered for a caller that only looks the form up (it hands it on to nothing that keeps
 * it): a copy made before for the same word is given again, its hash already worked out. */
static PyObject *
ascii_looked_up(PyObject *word, int shape)
{
    PyObject *lower, *old_word, *old_lower;
    size_t at;
    if (shape == SHAPE_LOWER || !PyUnicode_CheckExact(word))
        return ascii_lowered(word, shape);
    at = ((size_t)(uintptr_t)word >> 4) % LOWERED_SLOTS;
    if (lowered_kept[at].word == word)
        return Py_NewRef(lowered_kept[at].lower);
    if ((lower = ascii_lowered(word, shape)) == NULL)
        return NULL;
    old_word = lowered_kept[at].word, old_lower = lowered_kept[at].lower;
    lowered_kept[at].word = Py_NewRef(word), lowered_kept[at].lower = Py_NewRef(lower);
    Py_XDECREF(old_word); /* (exact strs: freeing them runs no code) */
    Py_XDECREF(old_lower);
    return lower;
}

/* Python's str.isupper() of text[start:end]: a cased character, and none lowercase or titlecase. */
static int
upper_only(PyObject *text, Py_ssize_t start, Py_ssize_t end)
{
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    int cased = 0;
    Py_ssize_t i;
    for (i = start; i < end; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (Py_UNICODE_ISLOWER(ch) || Py_UNICODE_ISTITLE(ch))
            return 0;
        if (Py_UNICODE_ISUPPER(ch))
            cased = 1;
    }
    return cased;
}

/* presized_dict(n): an empty dict with room for n keys before it grows (`new_presized`), where a
 * dict display starts at five: a story's kept selections (`Document._selected`, eleven to
 * fourteen tests a story) grew it twice. Its contents and order are a display's: only its
 * table's size differs. */
static PyObject *
presized_dict(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "presized_dict: a size of 0 or more");
        return NULL;
    }
    return new_presized(n);
}

/* A span's fields as span_set_parts reads them: 1 with *start and *end set for a tuple of two exact
 * ints that fit a long long, else 0 (no error set). */
static int
span_fields(PyObject *span, long long *start, long long *end)
{
    PyObject *a, *b;
    int over_a = 0, over_b = 0;
    if (!PyTuple_Check(span) || PyTuple_GET_SIZE(span) != 2)
        return 0;
    a = PyTuple_GET_ITEM(span, 0), b = PyTuple_GET_ITEM(span, 1);
    if (!PyLong_CheckExact(a) || !PyLong_CheckExact(b))
        return 0;
    *start = PyLong_AsLongLongAndOverflow(a, &over_a);
    *end = PyLong_AsLongLongAndOverflow(b, &over_b);
    return !over_a && !over_b;
}

/* A span's fields and its place among the spans given, as span_set_parts sorts them. */
typedef struct {
    long long start, end;
    Py_ssize_t at;
} SpanKey;

/* The order of sorted() over spans (by start, then end), equal ones kept in their order. */
static int
span_key_order(const void *x, const void *y)
{
    const SpanKey *a = x, *b = y;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    return a->at < b->at ? -1 : a->at > b->at;
}

/* The merged spans' tuple and their starts' and ends' lists (span_set_parts' answer) of keys[0:m],
 * sorted and merged (at -1: a span of `span_type` made for it; else the spans' own, at its place
 * in `spans`, and its own ints). `spans` itself when it is a tuple that holds them as they are. */
static PyObject *
span_set_answer(PyObject *spans, PyTypeObject *span_type, const SpanKey *keys, Py_ssize_t m, int as_given)
{
    PyObject *items[3], *all = NULL, *starts = NULL, *ends = NULL;
    Py_ssize_t i;
    all = as_given ? Py_NewRef(spans) : PyTuple_New(m);
    starts = all == NULL ? NULL : PyList_New(m);
    ends = starts == NULL ? NULL : PyList_New(m);
    for (i = 0; ends != NULL && i < m; i++) {
        PyObject *span;
        if (keys[i].at >= 0)
            span = Py_NewRef(PySequence_Fast_GET_ITEM(spans, keys[i].at));
        else {
            PyObject *pair[2] = {PyLong_FromLongLong(keys[i].start), PyLong_FromLongLong(keys[i].end)};
            span = pair[0] == NULL || pair[1] == NULL ? filled_tuple(NULL, pair, 2) : named_tuple(span_type, pair, 2);
        }
        if (span == NULL) {
            Py_CLEAR(ends); /* (the tuple's empty slots are let go as NULL) */
            break;
        }
        PyList_SET_ITEM(starts, i, Py_NewRef(PyTuple_GET_ITEM(span, 0)));
        PyList_SET_ITEM(ends, i, Py_NewRef(PyTuple_GET_ITEM(span, 1)));
        if (as_given)
            Py_DECREF(span);
        else
            PyTuple_SET_ITEM(all, i, span);
    }
    if (ends == NULL) {
        Py_XDECREF(all);
        Py_XDECREF(starts);
        return NULL;
    }
    items[0] = all, items[1] = starts, items[2] = ends;
    return tuple_of_new(3, items);
}

/* span_set_parts(spans, span_type): a `SpanSet`'s three parts of `spans` (a tuple or list of tuples
 * of two ints), in one call where SpanSet's Python steps were a sort, two maps, a test of their
 * order and a loop a span: the spans sorted, those that overlap or touch merged into one new
 * span of `span_type` (a tuple's subclass of no fields of its own: Span), as a tuple (`spans`
 * itself, when it is a tuple already sorted and apart), and the lists of their starts and ends
 * (the spans' own ints). None when the spans are not such pairs of ints, each a Span's (0 <= start
 * <= end): SpanSet's steps then. */
static PyObject *
span_set_parts(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *spans, *out;
    PyTypeObject *span_type;
    SpanKey *keys;
    Py_ssize_t i, n, m = 0;
    int sorted = 1, apart = 1;
    if (BAD_COUNT(2, 2) || BAD_TYPE(1, PyType_Check, "type"))
        return NULL;
    spans = args[0], span_type = (PyTypeObject *)args[1];
    if (!PyType_IsSubtype(span_type, &PyTuple_Type) || span_type->tp_basicsize != PyTuple_Type.tp_basicsize ||
        span_type->tp_itemsize != PyTuple_Type.tp_itemsize) {
        PyErr_SetString(PyExc_TypeError, "span_set_parts: span_type is a tuple's subclass of no fields of its own");
        return NULL;
    }
    if (!PyTuple_CheckExact(spans) && !PyList_CheckExact(spans))
        Py_RETURN_NONE;
    n = PySequence_Fast_GET_SIZE(spans);
    if ((keys = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(SpanKey))) == NULL)
        return PyErr_NoMemory();
    for (i = 0; i < n; i++) {
        if (!span_fields(PySequence_Fast_GET_ITEM(spans, i), &keys[i].start, &keys[i].end) || keys[i].start < 0 ||
            keys[i].start > keys[i].end) { /* (no Span: SpanSet's own steps meet it) */
            PyMem_Free(keys);
            Py_RETURN_NONE;
        }
        keys[i].at = i;
        if (i > 0 && span_key_order(&keys[i - 1], &keys[i]) > 0)
            sorted = 0;
    }
    if (!sorted)
        qsort(keys, (size_t)n, sizeof(SpanKey), span_key_order);
    for (i = 0; i < n; i++) { /* SpanSet's merge: one that starts at or before the last's end joins it */
        if (m > 0 && keys[i].start <= keys[m - 1].end) {
            if (keys[i].end > keys[m - 1].end)
                keys[m - 1].end = keys[i].end;
            keys[m - 1].at = -1;
            apart = 0;
            continue;
        }
        keys[m++] = keys[i];
    }
    out = span_set_answer(spans, span_type, keys, m, apart && sorted && PyTuple_CheckExact(spans));
    PyMem_Free(keys);
    return out;
}

/* bare_name(shortest, longest, text): `text` as a name is written, a possessive 's (or ’s) cut
 * off, when it is `shortest` to `longest` characters long, opens with a capital, is not in
 * capitals after it (UN, NATO), and is no word in capitals of more than one letter; else None.
 * A name rule's test of each new word (newslint.native's twin says it in Python); the text
 * last, so that functools.partial of the lengths is a one-argument letter test. */
static PyObject *
bare_name(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text;
    Py_ssize_t n, m, shortest, longest, i, letters = 0;
    int kind;
    const void *data;
    if (nargs != 3 || !PyUnicode_Check(args[2])) {
        PyErr_SetString(PyExc_TypeError, "bare_name takes two ints and a str");
        return NULL;
    }
    shortest = PyLong_AsSsize_t(args[0]);
    if (shortest == -1 && PyErr_Occurred())
        return NULL;
    longest = PyLong_AsSsize_t(args[1]);
    if (longest == -1 && PyErr_Occurred())
        return NULL;
    text = args[2];
    n = m = PyUnicode_GET_LENGTH(text);
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    if (n >= 2 && PyUnicode_READ(kind, data, n - 1) == 's') {
        Py_UCS4 mark = PyUnicode_READ(kind, data, n - 2);
        if (mark == '\'' || mark == 0x2019)
            m = n - 2;
    }
    if (m < shortest || m > longest || m == 0 || !Py_UNICODE_ISUPPER(PyUnicode_READ(kind, data, 0)) ||
        upper_only(text, 1, m))
        Py_RETURN_NONE;
    if (upper_only(text, 0, m)) { /* a capital alone, with no lowercase letter: one letter at most */
        for (i = 0; i < m; i++)
            letters += Py_UNICODE_ISALPHA(PyUnicode_READ(kind, data, i)) != 0;
        if (letters > 1)
            Py_RETURN_NONE;
    }
    if (m == n)
        return Py_NewRef(text);
    return PyUnicode_Substring(text, 0, m);
}

/* unlisted_capital(text, minimum, words, wrong): 1 for a capitalised word (Reigme) of `minimum` ASCII
 * letters or more, 2 for one in capitals (REIGME), when neither `words` nor `wrong` holds its
 * lowercase form; else 0. The first tests of NL101's capitalised candidates (newslint.native),
 * asked of each capitalised word a run meets that the word list lacks. */
static PyObject *
unlisted_capital(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *lower;
    Py_ssize_t n, i, minimum;
    const Py_UCS1 *c;
    int upper = 0, form, found;
    if (nargs != 4 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "unlisted_capital takes a str, an int and two containers");
        return NULL;
    }
    text = args[0];
    minimum = PyLong_AsSsize_t(args[1]);
    if (minimum == -1 && PyErr_Occurred())
        return NULL;
    n = PyUnicode_GET_LENGTH(text);
    if (n < minimum || n == 0 || !PyUnicode_IS_ASCII(text))
        return PyLong_FromLong(0);
    c = PyUnicode_1BYTE_DATA(text);
    for (i = 0; i < n; i++) {
        if (c[i] >= 'A' && c[i] <= 'Z')
            upper++;
        else if (c[i] < 'a' || c[i] > 'z')
            return PyLong_FromLong(0); /* not letters alone */
    }
    if (upper == n)
        form = 2;
    else if (upper == 1 && c[0] <= 'Z')
        form = 1;
    else
        return PyLong_FromLong(0);
    lower = ascii_looked_up(text, form == 2 ? SHAPE_UPPER : SHAPE_CAPITAL);
    if (lower == NULL)
        return NULL;
    found = holds(args[2], lower);
    if (found == 0)
        found = holds(args[3], lower);
    Py_DECREF(lower);
    if (found < 0)
        return NULL;
    return PyLong_FromLong(found ? 0 : form);
}

/* test_words(test, table, fails, only, shapes, decided, words, found, memory, tested, both): for each
 * word of the list `words`, in order, whether it passes: its shape among `shapes`, it is in `table`
 * (unless that is None), its lowercase form is not in `fails` (a table, or a tuple of tables: in
 * none of them) and is in one of the tables of `only`
 * where it is of ASCII letters alone (unless either is None), and test(word) is true (or as `decided`
 * says for its shape: decided_value), each asked only if the one before
 * holds. A word that passes is added to the set `found`; unless `memory` is None, memory[word] |=
 * both if it passed, else tested. Each word's bits are read and written with no Python code run
 * between. */
/* A word's bits with `add` set: in machine words when both fit (most do: two bits a test), as
 * int | int otherwise. */
static PyObject *
bits_or(PyObject *bits, PyObject *add, long long fast_add)
{
    if (fast_add >= 0 && PyLong_CheckExact(bits)) {
        int overflow = 0;
        long long value = PyLong_AsLongLongAndOverflow(bits, &overflow);
        if (value == -1 && PyErr_Occurred())
            return NULL;
        if (!overflow && value >= 0)
            return PyLong_FromLongLong(value | fast_add);
    }
    return PyNumber_Or(bits, add);
}

/* `value` as a machine word, or -1 when it is not an int from 0 to LLONG_MAX. */
static long long
fast_bits(PyObject *value)
{
    int overflow = 0;
    long long v;
    if (!PyLong_CheckExact(value))
        return -1;
#if PY_VERSION_HEX < 0x030C0000 && PyLong_SHIFT == 30
    { /* an int of up to two digits read as it is held (one per word of a story, a test read) */
        const digit *d = ((PyLongObject *)value)->ob_digit;
        switch (Py_SIZE(value)) {
        case 0:
            return 0;
        case 1:
            return (long long)d[0];
        case 2:
            return (long long)d[0] | (long long)d[1] << 30;
        }
    }
#endif
    v = PyLong_AsLongLongAndOverflow(value, &overflow);
    if (v == -1 && PyErr_Occurred())
        PyErr_Clear();
    return overflow ? -1 : v;
}

/* The bits of the words read_bits has read from one memory dict (the letter tests' memory,
 * newslint.tokens._WordBits), kept by word in an open-addressed table read with the hash each str
 * holds: a story's hundred words are mostly words met before, each a dict lookup and an int read
 * in read_bits where the table answers with a probe. The table is the memory's own bits for every
 * word it holds: the memory's writers here (flush_bits, test_words) write the table too, and
 * another memory (a new dict) or a write it cannot follow (forget_bits) empties it. It holds a
 * reference to the memory so that its address is not another dict's; a word whose bits do not fit
 * a machine word is held as KEPT_UNKNOWN (read from the memory), and when KEPT_LIMIT words are
 * held the table is emptied and filled again. */
#define KEPT_SLOTS ((Py_ssize_t)1 << 17)
#define KEPT_LIMIT (KEPT_SLOTS / 2) /* the memory's 64,000 words fit */
#define KEPT_UNKNOWN (~0ULL)
#define KEPT_AHEAD 8 /* read_bits fetches the slot of the word this many on (a miss: the table is 2 MB) */
typedef struct {
    PyObject *word; /* an exact str (a reference), or NULL */
    unsigned long long bits;
} KeptBits;
static KeptBits *kept_bits;
static Py_ssize_t kept_count;
static PyObject *kept_memory;

/* The table emptied, the memory let go. */
static void
kept_bits_forget(void)
{
    Py_ssize_t i;
    if (kept_bits != NULL && kept_count > 0)
        for (i = 0; i < KEPT_SLOTS; i++)
            Py_CLEAR(kept_bits[i].word);
    kept_count = 0;
    Py_CLEAR(kept_memory);
}

/* The slot of `word` (an exact str whose hash is `h`): the one holding an equal str, or the empty
 * one where it would go. */
static KeptBits *
kept_bits_slot(PyObject *word, Py_hash_t h)
{
    Py_ssize_t j, mask = KEPT_SLOTS - 1, n = PyUnicode_GET_LENGTH(word);
    int kind = PyUnicode_KIND(word);
    KeptBits *slot;
    for (j = (Py_ssize_t)((Py_uhash_t)h & (Py_uhash_t)mask);; j = (j + 1) & mask) {
        PyObject *held;
        slot = &kept_bits[j];
        held = slot->word;
        if (held == NULL || held == word)
            return slot;
        if (((PyASCIIObject *)held)->hash == h && PyUnicode_GET_LENGTH(held) == n && PyUnicode_KIND(held) == kind &&
            memcmp(PyUnicode_DATA(held), PyUnicode_DATA(word), n * kind) == 0)
            return slot;
    }
}

/* The str the table holds for the characters raw[:n] (a new reference), or NULL (no exception
 * set) when it holds none: found by the hash CPython gives a str of one-byte kind, that of its
 * bytes. A str's hash is its bytes' (`_Py_HashBytes`) on the versions measured (3.11, 3.12); on
 * another a hash that differed would only find nothing. */
static PyObject *
kept_word(const Py_UCS1 *raw, Py_ssize_t n, Py_hash_t h)
{
#if PY_VERSION_HEX < 0x030D0000
    Py_ssize_t j, mask = KEPT_SLOTS - 1;
    if (kept_bits == NULL || kept_count == 0)
        return NULL;
    if (h == -1)
        h = _Py_HashBytes(raw, n);
    for (j = (Py_ssize_t)((Py_uhash_t)h & (Py_uhash_t)mask);; j = (j + 1) & mask) {
        PyObject *held = kept_bits[j].word;
        if (held == NULL)
            return NULL;
        if (((PyASCIIObject *)held)->hash == h && PyUnicode_GET_LENGTH(held) == n &&
            PyUnicode_KIND(held) == PyUnicode_1BYTE_KIND && memcmp(PyUnicode_1BYTE_DATA(held), raw, n) == 0)
            return Py_NewRef(held);
    }
#else
    (void)raw, (void)n, (void)h;
    return NULL;
#endif
}

static Py_hash_t
kept_prefetch(const Py_UCS1 *raw, Py_ssize_t n)
{
#if PY_VERSION_HEX < 0x030D0000
    Py_hash_t h;
    if (kept_bits == NULL || kept_count == 0)
        return -1;
    h = _Py_HashBytes(raw, n); /* (never -1) */
    PREFETCH(&kept_bits[(Py_uhash_t)h & (Py_uhash_t)(KEPT_SLOTS - 1)]);
    return h;
#else
    (void)raw, (void)n;
    return -1;
#endif
}

static void
kept_prefetch_word(Py_hash_t h)
{
    if (kept_bits != NULL) {
        PyObject *held = kept_bits[(Py_uhash_t)h & (Py_uhash_t)(KEPT_SLOTS - 1)].word;
        if (held != NULL)
            PREFETCH(held);
    }
}

/* After memory[word] was set to `now`: the table's bits of `word` set to them, when the table
 * mirrors `memory` and holds the word (a word it does not hold is read from the memory). A word
 * that is not an exact str (whose hash and equality may be its own) empties the table. */
static void
kept_bits_note(PyObject *memory, PyObject *word, PyObject *now)
{
    KeptBits *slot;
    long long fast;
    if (memory != kept_memory || kept_count == 0)
        return;
    if (!PyUnicode_CheckExact(word)) {
        kept_bits_forget();
        return;
    }
    slot = kept_bits_slot(word, str_hash(word));
    if (slot->word == NULL)
        return;
    fast = fast_bits(now);
    slot->bits = fast < 0 ? KEPT_UNKNOWN : (unsigned long long)fast;
}

/* forget_bits(): the table of bits read_bits keeps emptied: for a caller that wrote the memory
 * itself (tokens._flush_bits, the twin, where a story's bits do not fit machine words). */
static PyObject *
forget_bits(PyObject *self, PyObject *unused)
{
    kept_bits_forget();
    Py_RETURN_NONE;
}

/* The bits of `key` (an exact str) in `memory`: the table's, or read from the memory (and kept);
 * -1 when they do not fit a machine word, -2 on error. */
static long long
kept_bits_read(PyObject *memory, PyObject *key)
{
    Py_hash_t h = str_hash(key);
    KeptBits *slot;
    PyObject *value;
    long long fast;
    if (h == -1)
        return -2;
    slot = kept_bits_slot(key, h);
    if (slot->word != NULL && slot->bits != KEPT_UNKNOWN)
        return (long long)slot->bits;
    value = PyDict_GetItemWithError(memory, key); /* borrowed; a str's lookup runs no code */
    if (value == NULL && PyErr_Occurred())
        return -2;
    fast = value == NULL ? 0 : fast_bits(value);
    if (slot->word == NULL && fast >= 0) {
        if (kept_count >= KEPT_LIMIT) { /* full: emptied, and filled again from here */
            PyObject *held = kept_memory;
            kept_memory = NULL;
            kept_bits_forget();
            kept_memory = held;
            slot = kept_bits_slot(key, h);
        }
        slot->word = Py_NewRef(key);
        slot->bits = (unsigned long long)fast;
        kept_count++;
    }
    return fast;
}

/* kept_bits_read's answer where the table holds `key` itself (an exact str) with bits that fit,
 * found before any slot of a str of its hash: read inline, where the call and the slot's search
 * with its length and kind cost 40 instructions a word of every story; -1 otherwise (then
 * kept_bits_read, which finds the same slot first: it stops at this one or an earlier str of
 * the same hash). */
static inline long long
kept_bits_held(PyObject *key)
{
    const Py_hash_t h = ((PyASCIIObject *)key)->hash;
    const Py_ssize_t mask = KEPT_SLOTS - 1;
    Py_ssize_t j;
    if (h == -1)
        return -1;
    for (j = (Py_ssize_t)((Py_uhash_t)h & (Py_uhash_t)mask);; j = (j + 1) & mask) {
        const KeptBits *slot = &kept_bits[j];
        if (slot->word == key)
            return slot->bits == KEPT_UNKNOWN ? -1 : (long long)slot->bits;
        if (slot->word == NULL || ((PyASCIIObject *)slot->word)->hash == h)
            return -1;
    }
}

static long long
kept_bits_for(PyObject *memory, PyObject *key)
{
    long long held;
    if (kept_bits == NULL || memory != kept_memory || kept_memory == NULL || !PyUnicode_CheckExact(key))
        return -3;
    held = kept_bits_held(key);
    return held >= 0 ? held : kept_bits_read(memory, key);
}

/* Whether `container` holds `key` (a str): a set or frozenset itself looked up in C (no call
 * through its type's slot), anything else through its __contains__. 1, 0, or -1 on error. */
static int
held_by(PyObject *container, PyObject *key)
{
    return PyFrozenSet_CheckExact(container) || PySet_CheckExact(container) ? PySet_Contains(container, key)
                                                                            : PySequence_Contains(container, key);
}

static int one_holds(PyObject *only, PyObject *key);

/* Whether `fails` (a table, or a tuple of tables: one_holds) holds `key`: 1, 0, or -1 on error. */
static int
fails_holds(PyObject *fails, PyObject *key)
{
    return PyTuple_CheckExact(fails) ? one_holds(fails, key) : held_by(fails, key);
}

/* Whether `fails` (a table of lowercase words, or a tuple of them) holds the lowercase form of a
 * word of ASCII letters alone (its shape one of the four ASCII ones): 1 or 0, -1 with an
 * exception set. A lowercase word is looked up as it stands, another through one lowercase copy
 * for all the tables. */
static int
fails_listed(PyObject *fails, PyObject *word, int shape)
{
    PyObject *lower;
    int found;
    if (shape == SHAPE_LOWER)
        return fails_holds(fails, word);
    if (!(shape & (SHAPE_CAPITAL | SHAPE_UPPER | SHAPE_MIXED)))
        return 0;
    lower = ascii_looked_up(word, shape);
    if (lower == NULL)
        return -1;
    found = fails_holds(fails, lower);
    Py_DECREF(lower);
    return found;
}

/* Whether a word not of letters alone is read by `only` (only_listed): of ASCII letters, hyphens
 * and apostrophes ('), a letter among them and a hyphen or an apostrophe (al-Qaeda, Sweden's). */
static int
joined_letters(PyObject *word)
{
    const Py_UCS1 *c;
    Py_ssize_t i, n;
    int letters = 0;
    if (!PyUnicode_IS_ASCII(word))
        return 0;
    c = PyUnicode_1BYTE_DATA(word);
    n = PyUnicode_GET_LENGTH(word);
    for (i = 0; i < n; i++) {
        if ((c[i] >= 'a' && c[i] <= 'z') || (c[i] >= 'A' && c[i] <= 'Z'))
            letters = 1;
        else if (c[i] != '-' && c[i] != '\'')
            return 0;
    }
    return letters;
}

/* Whether one of `only`'s tables holds `key`: 1 or 0, -1 with an exception set. */
static int
one_holds(PyObject *only, PyObject *key)
{
    Py_ssize_t i;
    int found = 0;
    for (i = 0; i < PyTuple_GET_SIZE(only) && found == 0; i++)
        found = held_by(PyTuple_GET_ITEM(only, i), key);
    return found;
}

/* Whether a word may pass a test that declares `only` (a tuple of tables of lowercase words): 1
 * when one of the tables holds its lowercase form, or for a word of ASCII letters, hyphens and
 * apostrophes (joined_letters) the lowercase form of one of its parts between hyphens, or when
 * it is of neither kind; 0 when none holds one; -1 with an exception set. */
static int
only_listed(PyObject *only, PyObject *word, int shape)
{
    PyObject *lower;
    Py_ssize_t start = 0, i, n;
    int found;
    const int joined = shape == SHAPE_OTHER && joined_letters(word);
    if (!(shape & (SHAPE_LOWER | SHAPE_CAPITAL | SHAPE_UPPER | SHAPE_MIXED)) && !joined)
        return 1;
    if (!PyTuple_Check(only)) {
        PyErr_SetString(PyExc_TypeError, "a letter test's `only` is a tuple of tables");
        return -1;
    }
    lower = ascii_looked_up(word, shape);
    if (lower == NULL)
        return -1;
    found = one_holds(only, lower);
    n = PyUnicode_GET_LENGTH(lower);
    for (i = 0; joined && found == 0 && i <= n; i++) { /* each part, the text between hyphens */
        PyObject *part;
        if (i < n && PyUnicode_1BYTE_DATA(lower)[i] != '-')
            continue;
        if (start == 0 && i == n)
            break; /* no hyphen: the word is its one part, looked up above */
        part = PyUnicode_Substring(lower, start, i);
        if (part == NULL) {
            found = -1;
            break;
        }
        found = one_holds(only, part);
        Py_DECREF(part);
        start = i + 1;
    }
    Py_DECREF(lower);
    return found;
}

/* Whether `word` passes a letter test: its shape among `shapes`, in `table` (unless None), its
 * lowercase form not in `fails` and in one of `only`'s tables where it is of ASCII letters alone
 * (unless None), and test(word) true, each asked only if the one before holds (test_words's
 * order); -1 on error. The test is not asked of a word whose shape `decided` gives a length
 * (decided_value): the word passes when it is that long at most; nor of one shorter than the
 * floor `decided` gives its shape, which fails. */
/* A letter test's `decided` (a tuple of six, one a shape in bit order; None: nothing declared)
 * as one walk over a story's words reads it: each shape's floor and longest (decided_value) read
 * on its first word, then kept (the tuple, held by the caller, cannot change). */
typedef struct {
    PyObject *decided;
    int read; /* the shape bits whose floor and longest are kept */
    Py_ssize_t floors[6], longest[6];
} Decided;

#define DECIDED_OF(decided) {(decided), 0, {0}, {0}}

static int passes_shaped(PyObject *test, PyObject *table, PyObject *fails, PyObject *only, int shapes,
                         Decided *decided, PyObject *word, int shape);

/* Whether passes_test needs the word's shape (shape_of): only for a test that declares shapes,
 * fails, only or decided. */
#define NEEDS_SHAPE(shapes, fails, only, decided)                                                       \
    ((shapes) != SHAPE_ANY || (fails) != Py_None || (only) != Py_None || (decided) != Py_None)

static int
passes_test(PyObject *test, PyObject *table, PyObject *fails, PyObject *only, int shapes, Decided *decided,
            PyObject *word)
{
    int shape = NEEDS_SHAPE(shapes, fails, only, decided->decided) ? shape_of(word) : SHAPE_ANY;
    return passes_shaped(test, table, fails, only, shapes, decided, word, shape);
}

/* What a test declaring `decided` says of words of `shape` (one shape bit): a word shorter than
 * *floor fails, the test not asked; when *longest is 0 or more, a word up to *longest characters
 * long passes (and a longer one fails), the test not asked; else the test is asked. Each of the
 * six is an int or a pair of ints: an int of 0 or more the longest (no floor), a negative int
 * -floor - 1 (the test asked from the floor), a pair (floor, longest). Nothing declared: no
 * floor, every word asked. 0, or -1 with an exception set. */
static int
decided_value(Decided *decided, int shape, Py_ssize_t *floor, Py_ssize_t *longest)
{
    PyObject *item;
    int bit = 0;
    *floor = 0, *longest = -1;
    if (decided->decided == Py_None)
        return 0;
    if (decided->read & shape) { /* (one bit: read below) */
        while (!(shape & (1 << bit)))
            bit++;
        *floor = decided->floors[bit], *longest = decided->longest[bit];
        return 0;
    }
    while (bit < 6 && !(shape & (1 << bit)))
        bit++;
    if (!PyTuple_Check(decided->decided) || PyTuple_GET_SIZE(decided->decided) != 6 || bit == 6 ||
        shape != 1 << bit) {
        PyErr_SetString(PyExc_TypeError, "a letter test's `decided` is six ints or pairs, read for one shape");
        return -1;
    }
    item = PyTuple_GET_ITEM(decided->decided, bit);
    if (PyTuple_Check(item)) {
        if (PyTuple_GET_SIZE(item) != 2) {
            PyErr_SetString(PyExc_TypeError, "a letter test's `decided` pair is (floor, longest)");
            return -1;
        }
        *floor = PyLong_AsSsize_t(PyTuple_GET_ITEM(item, 0));
        if (!(*floor == -1 && PyErr_Occurred()))
            *longest = PyLong_AsSsize_t(PyTuple_GET_ITEM(item, 1));
    } else if ((*longest = PyLong_AsSsize_t(item)) < -1) {
        *floor = -(*longest + 1), *longest = -1;
    }
    if ((*floor == -1 || *longest == -1) && PyErr_Occurred())
        return -1;
    decided->floors[bit] = *floor, decided->longest[bit] = *longest;
    decided->read |= shape;
    return 0;
}

/* passes_test with the word's shape already known (SHAPE_ANY when the test needs none). */
static int
passes_shaped(PyObject *test, PyObject *table, PyObject *fails, PyObject *only, int shapes, Decided *decided,
              PyObject *word, int shape)
{
    int ok = 0;
    if (shape & shapes) {
        ok = table == Py_None ? 1 : held_by(table, word);
        if (ok == 1 && fails != Py_None) {
            int listed = fails_listed(fails, word, shape);
            ok = listed < 0 ? -1 : !listed;
        }
        if (ok == 1 && only != Py_None)
            ok = only_listed(only, word, shape);
        if (ok == 1) {
            Py_ssize_t floor, longest;
            if (decided_value(decided, shape, &floor, &longest) < 0)
                return -1;
            if (PyUnicode_GET_LENGTH(word) < floor)
                return 0; /* shorter than the test's floor for the shape */
            if (longest >= 0)
                return PyUnicode_GET_LENGTH(word) <= longest;
        }
        if (ok == 1) {
            PyObject *got = PyObject_CallOneArg(test, word);
            ok = got == NULL ? -1 : PyObject_IsTrue(got);
            Py_XDECREF(got);
        }
    }
    return ok;
}

static PyObject *
test_words(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *test, *table, *fails, *only, *decided, *words, *found, *memory, *tested, *both;
    long long fast_tested, fast_both;
    int shapes;
    Py_ssize_t i;
    /* called once per test and story: positional arguments read without a format string */
    if (nargs != 11) {
        PyErr_SetString(PyExc_TypeError, "test_words takes 11 arguments");
        return NULL;
    }
    test = args[0], table = args[1], fails = args[2], only = args[3], decided = args[5], words = args[6];
    found = args[7], memory = args[8], tested = args[9], both = args[10];
    long shapes_arg = PyLong_AsLong(args[4]);
    if (shapes_arg == -1 && PyErr_Occurred())
        return NULL;
    shapes = (int)shapes_arg;
    if (!PyList_Check(words) || !PySet_Check(found)) {
        PyErr_SetString(PyExc_TypeError, "test_words: words is a list and found a set");
        return NULL;
    }
    if (memory != Py_None && !PyDict_Check(memory)) {
        PyErr_SetString(PyExc_TypeError, "test_words: memory is a dict or None");
        return NULL;
    }
    fast_tested = fast_bits(tested);
    fast_both = fast_bits(both);
    if (fast_tested < 0 || fast_both < 0)
        fast_tested = fast_both = -1;
    Decided decided_of = DECIDED_OF(decided);
    for (i = 0; i < PyList_GET_SIZE(words); i++) {
        PyObject *word = PyList_GET_ITEM(words, i), *bits, *now;
        int ok, err;
        Py_INCREF(word); /* the test may run any code */
        if (!PyUnicode_Check(word)) {
            PyErr_SetString(PyExc_TypeError, "test_words: the words are str");
            goto fail;
        }
        ok = passes_test(test, table, fails, only, shapes, &decided_of, word);
        if (ok < 0)
            goto fail;
        if (ok && PySet_Add(found, word) < 0)
            goto fail;
        if (memory != Py_None) {
            bits = PyDict_GetItemWithError(memory, word); /* borrowed */
            if (bits == NULL && PyErr_Occurred())
                goto fail;
            now = bits == NULL ? Py_NewRef(ok ? both : tested)
                              : bits_or(bits, ok ? both : tested, ok ? fast_both : fast_tested);
            err = now == NULL ? -1 : PyDict_SetItem(memory, word, now);
            if (err == 0)
                kept_bits_note(memory, word, now);
            Py_XDECREF(now);
            if (err < 0)
                goto fail;
        }
        Py_DECREF(word);
        continue;
    fail:
        Py_DECREF(word);
        return NULL;
    }
    Py_RETURN_NONE;
}

/* --- A story's words and their bits, read once for every letter test (newslint.tokens.StoryBits) --- */

/* read_bits(keys, memory): (the bits of each key in memory, 0 when absent; the bits or-ed): one
 * dict lookup a word, however many tests then read the story's words. The bits come packed, a
 * native long long a key in a bytes object, when all fit one (two bits a test: they do), and as
 * a list of ints otherwise; split_bits reads either. */
static PyObject *
read_bits(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *keys, *memory, *bits = NULL, *out = NULL, *union_ = NULL;
    unsigned long long fast_union = 0;
    long long *packed;
    Py_ssize_t i, n;
    if (nargs != 2 || !PyList_Check(args[0]) || !PyDict_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "read_bits(keys, memory): keys a list, memory a dict");
        return NULL;
    }
    keys = args[0], memory = args[1];
    if (memory != kept_memory) { /* another memory: the bits kept are not its */
        kept_bits_forget();
        kept_memory = Py_NewRef(memory);
    }
    if (kept_bits == NULL)
        kept_bits = PyMem_Calloc(KEPT_SLOTS, sizeof(KeptBits));
    n = PyList_GET_SIZE(keys);
    bits = PyBytes_FromStringAndSize(NULL, n * (Py_ssize_t)sizeof(long long));
    if (bits == NULL)
        return NULL;
    packed = (long long *)PyBytes_AS_STRING(bits);
    for (i = 0; i < n; i++) {
        PyObject *key = PyList_GET_ITEM(keys, i), *value;
        long long fast;
        if (kept_bits != NULL && i + KEPT_AHEAD < n) { /* the slot of a word further on fetched ahead */
            PyObject *ahead = PyList_GET_ITEM(keys, i + KEPT_AHEAD);
            if (PyUnicode_CheckExact(ahead))
                PREFETCH(&kept_bits[(Py_uhash_t)((PyASCIIObject *)ahead)->hash & (Py_uhash_t)(KEPT_SLOTS - 1)]);
        }
        if (!PyUnicode_CheckExact(key)) { /* a str's hash is its own: no code runs in the lookup */
            PyErr_SetString(PyExc_TypeError, "read_bits: the keys are str");
            goto fail;
        }
        if (kept_bits != NULL) {
            fast = kept_bits_held(key);
            if (fast < 0 && (fast = kept_bits_read(memory, key)) == -2)
                goto fail;
        } else { /* (no room for the table: each read from the memory) */
            value = PyDict_GetItemWithError(memory, key); /* borrowed */
            if (value == NULL && PyErr_Occurred())
                goto fail;
            fast = value == NULL ? 0 : fast_bits(value);
        }
        if (fast < 0)
            break; /* past a machine word: every key's bits as ints, below */
        packed[i] = fast;
        fast_union |= (unsigned long long)fast;
    }
    if (i < n) {
        PyObject *slow = PyLong_FromLong(0);
        Py_SETREF(bits, PyList_New(n));
        if (bits == NULL || slow == NULL) {
            Py_XDECREF(slow);
            goto fail;
        }
        for (i = 0; i < n; i++) {
            PyObject *key = PyList_GET_ITEM(keys, i), *value, *both;
            if (!PyUnicode_CheckExact(key)) {
                PyErr_SetString(PyExc_TypeError, "read_bits: the keys are str");
                Py_DECREF(slow);
                goto fail;
            }
            value = PyDict_GetItemWithError(memory, key);
            if (value == NULL && PyErr_Occurred()) {
                Py_DECREF(slow);
                goto fail;
            }
            value = value == NULL ? PyLong_FromLong(0) : Py_NewRef(value);
            if (value == NULL) {
                Py_DECREF(slow);
                goto fail;
            }
            PyList_SET_ITEM(bits, i, value);
            both = PyNumber_Or(slow, value);
            Py_DECREF(slow);
            if (both == NULL)
                goto fail;
            slow = both;
        }
        union_ = slow;
    } else
        union_ = PyLong_FromUnsignedLongLong(fast_union);
    if (union_ == NULL)
        goto fail;
    out = PyTuple_Pack(2, bits, union_);
    Py_DECREF(union_);
fail:
    Py_XDECREF(bits);
    return out;
}

/* Add `key` to `found` or `new`, as its bits say: tested (and passed), or not tested. */
static int
split_one(PyObject *key, int is_tested, int is_passed, PyObject *found, PyObject *new)
{
    return is_tested ? (is_passed ? PySet_Add(found, key) : 0) : PyList_Append(new, key);
}

static int split_into(PyObject *keys, PyObject *bits, PyObject *tested, PyObject *passed, PyObject **found_out,
                      PyObject **new_out);

/* split_bits(keys, bits, tested, passed): (the set of keys whose bits have `tested` and `passed`,
 * the list of those without `tested`), keys[i]'s bits being the i-th of `bits` (read_bits's, packed
 * or ints): select_bits without the dict lookups. */
static PyObject *
split_bits(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *keys, *bits, *tested, *passed, *found = NULL, *new = NULL, *out = NULL;
    if (BAD_COUNT(4, 4) || BAD_TYPE(0, PyList_Check, "list"))
        return NULL;
    keys = args[0], bits = args[1], tested = args[2], passed = args[3];
    if (split_into(keys, bits, tested, passed, &found, &new) == 0)
        out = PyTuple_Pack(2, found, new);
    Py_XDECREF(found);
    Py_XDECREF(new);
    return out;
}

/* split_bits's work: *found and *new set to new references (both NULL on error). `keys` is a list. */
static int
split_into(PyObject *keys, PyObject *bits, PyObject *tested, PyObject *passed, PyObject **found_out,
           PyObject **new_out)
{
    PyObject *found = NULL, *new = NULL;
    long long fast_tested, fast_passed;
    Py_ssize_t i, n;
    *found_out = *new_out = NULL;
    n = PyList_GET_SIZE(keys);
    if (PyBytes_CheckExact(bits) ? PyBytes_GET_SIZE(bits) != n * (Py_ssize_t)sizeof(long long)
                                 : !PyList_CheckExact(bits) || PyList_GET_SIZE(bits) != n) {
        PyErr_SetString(PyExc_ValueError, "split_bits: the bits of each key, packed or a list");
        return -1;
    }
    for (i = 0; i < n; i++)
        if (!PyUnicode_CheckExact(PyList_GET_ITEM(keys, i))) { /* adding a str runs no code */
            PyErr_SetString(PyExc_TypeError, "split_bits: the keys are str");
            return -1;
        }
    fast_tested = fast_bits(tested);
    fast_passed = fast_bits(passed);
    found = PySet_New(NULL);
    new = PyList_New(0);
    if (found == NULL || new == NULL)
        goto done;
    if (PyBytes_CheckExact(bits) && fast_tested > 0 && fast_passed > 0) { /* the usual case */
        const long long *packed = (const long long *)PyBytes_AS_STRING(bits);
        for (i = 0; i < n; i++) {
            long long value = packed[i];
            if (split_one(PyList_GET_ITEM(keys, i), (value & fast_tested) != 0, (value & fast_passed) != 0,
                          found, new) < 0)
                goto done;
        }
    } else {
        for (i = 0; i < n; i++) {
            PyObject *value, *got;
            int is_tested, is_passed = 0;
            value = PyBytes_CheckExact(bits)
                        ? PyLong_FromLongLong(((const long long *)PyBytes_AS_STRING(bits))[i])
                        : Py_NewRef(PyList_GET_ITEM(bits, i));
            if (value == NULL)
                goto done;
            got = PyNumber_And(value, tested);
            is_tested = got == NULL ? -1 : PyObject_IsTrue(got);
            Py_XDECREF(got);
            if (is_tested == 1) {
                got = PyNumber_And(value, passed);
                is_passed = got == NULL ? -1 : PyObject_IsTrue(got);
                Py_XDECREF(got);
            }
            Py_DECREF(value);
            if (is_tested < 0 || is_passed < 0 || i >= PyList_GET_SIZE(keys) ||
                split_one(PyList_GET_ITEM(keys, i), is_tested, is_passed, found, new) < 0)
                goto done;
        }
    }
    *found_out = found;
    *new_out = new;
    return 0;
done:
    Py_XDECREF(found);
    Py_XDECREF(new);
    return -1;
}

/* select_story(test, table, fails, only, shapes, decided, keys, bits, memory, tested, passed, own,
 * limit): what LetterTest.select_read answers (split_bits, then the test run on the new words by test_words),
 * in one call: the set of keys that pass. None, with no test run and nothing written, when the
 * new words would take `memory` past `limit` (LetterTest.finish trims it first); the new words
 * are not remembered when they are more than `own`. */
static PyObject *
select_story(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *found, *new, *memory, *both, *run[11], *ran, *out = NULL;
    Py_ssize_t own, limit, count;
    if (nargs != 13 || !PyList_Check(args[6]) || !PyDict_Check(args[8])) {
        PyErr_SetString(PyExc_TypeError, "select_story takes 13 arguments: keys a list, memory a dict");
        return NULL;
    }
    own = PyLong_AsSsize_t(args[11]);
    limit = own == -1 && PyErr_Occurred() ? -1 : PyLong_AsSsize_t(args[12]);
    if (limit == -1 && PyErr_Occurred())
        return NULL;
    if (split_into(args[6], args[7], args[9], args[10], &found, &new) < 0)
        return NULL;
    count = PyList_GET_SIZE(new);
    memory = count <= own ? args[8] : Py_None;
    if (count == 0) {
        out = Py_NewRef(found);
    } else if (memory != Py_None && PyDict_GET_SIZE(memory) + count > limit) {
        out = Py_NewRef(Py_None);
    } else if ((both = PyNumber_Or(args[9], args[10])) != NULL) {
        run[0] = args[0], run[1] = args[1], run[2] = args[2], run[3] = args[3], run[4] = args[4];
        run[5] = args[5], run[6] = new, run[7] = found, run[8] = memory, run[9] = args[9], run[10] = both;
        ran = test_words(self, run, 11);
        Py_DECREF(both);
        if (ran != NULL) {
            Py_DECREF(ran);
            out = Py_NewRef(found);
        }
    }
    Py_DECREF(found);
    Py_DECREF(new);
    return out;
}

/* select_pending(test, table, fails, only, shapes, decided, keys, bits, pending, tested, passed,
 * own[, known]): the keys that pass a letter test, read from a story's bits (read_bits's, packed) or-ed with its
 * pending bits (a bytearray of one long long a key), the test run on the keys neither says it has
 * met. Their results go into `pending` (unless they are more than `own`), not into the memory: a
 * story's new word is met by most of the tests, and flush_bits writes all its bits in one store,
 * where each test wrote them again. `tested` and `passed` must fit a machine word. `known` (a
 * bytearray of one byte a key, if given) keeps each key's shape once worked out (0 before): a
 * story's new word is met by a dozen tests, most of which read its shape. */
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static PyObject *pending_select(PyObject *const *args, long shapes, PyObject *keys, PyObject *bits,
                                PyObject *pending, long long tested, long long passed, Py_ssize_t own,
                                PyObject *known);

/* A letter test's shapes (`test[4]`, of its first six fields: test, table, fails, only, shapes,
 * decided) and its tested, passed and own (`masks[0..2]`), read as select_pending, select_gates
 * and select_kept read them. -1 with an error set when shapes or own is not an int that fits;
 * `tested` and `passed` are -1 when they do not fit a machine word (fast_bits), for the caller
 * to refuse. */
static int
test_masks(PyObject *const *test, PyObject *const *masks, long *shapes, long long *tested, long long *passed,
           Py_ssize_t *own)
{
    /* (each an int of a digit or two, read as it is held where it can be: a test a call) */
    long long fast_shapes = fast_bits(test[4]), fast_own = fast_bits(masks[2]);
    *tested = fast_bits(masks[0]);
    *passed = fast_bits(masks[1]);
    *shapes = fast_shapes >= 0 && fast_shapes <= LONG_MAX ? (long)fast_shapes : PyLong_AsLong(test[4]);
    if (*shapes == -1 && PyErr_Occurred())
        return -1;
    *own = fast_own >= 0 && fast_own <= PY_SSIZE_T_MAX ? (Py_ssize_t)fast_own : PyLong_AsSsize_t(masks[2]);
    return *own == -1 && PyErr_Occurred() ? -1 : 0;
}

static PyObject *
select_pending(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *keys, *bits, *pending;
    long long tested, passed;
    Py_ssize_t n, own;
    long shapes;
    PyObject *known = nargs == 13 ? args[12] : Py_None;
    if ((nargs != 12 && nargs != 13) || !PyList_Check(args[6]) || !PyBytes_CheckExact(args[7]) ||
        !PyByteArray_CheckExact(args[8]) || (known != Py_None && !PyByteArray_CheckExact(known))) {
        PyErr_SetString(PyExc_TypeError, "select_pending takes 12 or 13 arguments: keys a list, bits bytes, "
                                         "pending and known bytearrays");
        return NULL;
    }
    keys = args[6], bits = args[7], pending = args[8];
    n = PyList_GET_SIZE(keys);
    if (test_masks(args, &args[9], &shapes, &tested, &passed, &own) < 0)
        return NULL;
    if (PyBytes_GET_SIZE(bits) != n * (Py_ssize_t)sizeof(long long) ||
        PyByteArray_GET_SIZE(pending) != n * (Py_ssize_t)sizeof(long long) || tested <= 0 || passed <= 0) {
        PyErr_SetString(PyExc_ValueError, "select_pending: one long long a key in bits and pending; masks that fit");
        return NULL;
    }
    return pending_select(args, shapes, keys, bits, pending, tested, passed, own, known);
}

/* What a letter test finds in a story none of whose words passes it (most tests, most stories):
 * one empty frozenset, shared, where a set was made (and freed with the story) each time. */
static PyObject *found_none;

static PyObject *
nothing_found(void)
{
    if (found_none == NULL && (found_none = PyFrozenSet_New(NULL)) == NULL)
        return NULL;
    return Py_NewRef(found_none);
}

/* Add `word` to the set *found, made on the first word. 0, or -1 with an exception set. */
static int
found_add(PyObject **found, PyObject *word)
{
    if (*found == NULL && (*found = PySet_New(NULL)) == NULL)
        return -1;
    return PySet_Add(*found, word);
}

/* select_pending's work, its arguments checked: `test` the test's first six (test, table, fails,
 * only, shapes, decided). The words found, in a set; the shared empty frozenset when none is. */
static PyObject *
pending_select(PyObject *const *args, long shapes, PyObject *keys, PyObject *bits, PyObject *pending,
               long long tested, long long passed, Py_ssize_t own, PyObject *known)
{
    PyObject *found = NULL;
    /* the places of the words the test has not met: a dozen a call, most times (of a hundred
     * words), kept on the stack; a buffer for all n is allocated only when they are more */
    Py_ssize_t n = PyList_GET_SIZE(keys), i, k, count = 0, few[64], *fresh = few;
    const Py_ssize_t room = (Py_ssize_t)(sizeof few / sizeof few[0]);
    {
        /* a story's words are read by a dozen tests, and almost all were met and failed: the keys
         * are looked at (and checked to be str) only for the few that are new or pass */
        const long long *read = (const long long *)PyBytes_AS_STRING(bits);
        const long long *pend = (const long long *)PyByteArray_AS_STRING(pending);
        /* Where both masks are one bit (a LetterTest's two), a word is skipped when its two bits
         * read "tested" alone: four words are tried at once (SSE2, two compares of two words),
         * and a group of four met and failed words costs a few instructions, not forty */
        Py_ssize_t stop = n;
#if defined(__SSE2__)
        const int grouped = (tested & (tested - 1)) == 0 && (passed & (passed - 1)) == 0 && tested != passed;
        const __m128i both = _mm_set1_epi64x(tested | passed), alone = _mm_set1_epi64x(tested);
#endif
        for (i = 0; i < n;) {
#if defined(__SSE2__)
            if (grouped) {
                for (; i + 4 <= n; i += 4) {
                    const __m128i *r = (const __m128i *)(read + i), *q = (const __m128i *)(pend + i);
                    __m128i a = _mm_and_si128(_mm_or_si128(_mm_loadu_si128(r), _mm_loadu_si128(q)), both);
                    __m128i b = _mm_and_si128(_mm_or_si128(_mm_loadu_si128(r + 1), _mm_loadu_si128(q + 1)), both);
                    if (_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi32(a, alone), _mm_cmpeq_epi32(b, alone))) !=
                        0xFFFF)
                        break;
                }
                stop = i + 4 < n ? i + 4 : n; /* a group with a word to look at: word by word */
            }
#endif
            for (; i < stop; i++) {
                long long value = read[i] | pend[i];
                PyObject *key;
                if ((value & tested) && !(value & passed))
                    continue;
                key = PyList_GET_ITEM(keys, i);
                if (!PyUnicode_CheckExact(key)) { /* adding a str to the set runs no code */
                    PyErr_SetString(PyExc_TypeError, "select_pending: the keys are str");
                    goto fail;
                }
                if (!(value & tested)) {
                    if (count == room && fresh == few) { /* no more room: a buffer for them all */
                        if ((fresh = PyMem_Malloc(n * sizeof(Py_ssize_t))) == NULL) {
                            fresh = few;
                            PyErr_NoMemory();
                            goto fail;
                        }
                        memcpy(fresh, few, sizeof few);
                    }
                    fresh[count++] = i;
                } else if (found_add(&found, key) < 0)
                    goto fail;
            }
        }
    }
    const int needs_shape = NEEDS_SHAPE(shapes, args[2], args[3], args[5]);
    Decided decided = DECIDED_OF(args[5]);
    for (k = 0; k < count; k++) {
        PyObject *word = PyList_GET_ITEM(keys, fresh[k]);
        int ok;
        int shape = SHAPE_ANY;
        Py_INCREF(word); /* the test may run any code */
        if (needs_shape) {
            /* read again each time, as pending is: the tests run Python code */
            unsigned char *kept = known != Py_None && PyByteArray_GET_SIZE(known) == n
                                      ? (unsigned char *)PyByteArray_AS_STRING(known) + fresh[k] : NULL;
            shape = kept != NULL && *kept ? *kept : shape_of(word);
            if (kept != NULL)
                *kept = (unsigned char)shape;
        }
        ok = passes_shaped(args[0], args[1], args[2], args[3], (int)shapes, &decided, word, shape);
        if (ok > 0 && found_add(&found, word) < 0)
            ok = -1;
        Py_DECREF(word);
        if (ok < 0)
            goto fail;
        /* read again: the test ran Python code, and the buffer is the caller's */
        if (count <= own && PyByteArray_GET_SIZE(pending) == n * (Py_ssize_t)sizeof(long long))
            ((long long *)PyByteArray_AS_STRING(pending))[fresh[k]] |= ok ? tested | passed : tested;
    }
    if (fresh != few)
        PyMem_Free(fresh);
    return found != NULL ? found : nothing_found();
fail:
    if (fresh != few)
        PyMem_Free(fresh);
    Py_XDECREF(found);
    return NULL;
}

/* select_gates(gates, text, selected, keys, bits, pending, known, union): which of a story's gates
 * fire, in one call where Linter._triggered asked select_pending once a gate. `gates` is a tuple of
 * (passed, chars, tests): a gate fires when `union` (the or of the story's words' bits) has one of
 * `passed`, else when `text` holds one of the characters of the str `chars`, else when one of its
 * tests, tried in order, selects a word: each test a tuple (key, test, table, fails, only, shapes,
 * decided, tested, passed, own), its words those `selected[key]` holds, else what select_pending
 * finds (keys, bits, pending and known the story's, as there), kept as `selected[key]`. Returns
 * (a tuple of a bool a gate, the or of the `tested` bits of the tests run). */
static PyObject *
select_gates(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *gates, *text, *selected, *keys, *bits, *pending, *known, *fired = NULL, *out = NULL;
    long long un, ran = 0;
    Py_ssize_t g, n, count, length;
    Py_UCS4 top;
    if (nargs != 8 || !PyTuple_CheckExact(args[0]) || !PyUnicode_Check(args[1]) || !PyDict_CheckExact(args[2]) ||
        !PyList_Check(args[3]) || !PyBytes_CheckExact(args[4]) || !PyByteArray_CheckExact(args[5]) ||
        (args[6] != Py_None && !PyByteArray_CheckExact(args[6]))) {
        PyErr_SetString(PyExc_TypeError, "select_gates takes 8 arguments: gates a tuple, text a str, selected a "
                                         "dict, keys a list, bits bytes, pending and known bytearrays");
        return NULL;
    }
    gates = args[0], text = args[1], selected = args[2], keys = args[3], bits = args[4], pending = args[5];
    known = args[6];
    n = PyList_GET_SIZE(keys);
    un = fast_bits(args[7]);
    if (un < 0 || PyBytes_GET_SIZE(bits) != n * (Py_ssize_t)sizeof(long long) ||
        PyByteArray_GET_SIZE(pending) != n * (Py_ssize_t)sizeof(long long)) {
        PyErr_SetString(PyExc_ValueError, "select_gates: one long long a key in bits and pending; a union that fits");
        return NULL;
    }
    count = PyTuple_GET_SIZE(gates);
    length = PyUnicode_GET_LENGTH(text);
    top = PyUnicode_MAX_CHAR_VALUE(text); /* 127 for an ASCII text, 255 for one of Latin-1 */
    if ((fired = PyTuple_New(count)) == NULL)
        return NULL;
    for (g = 0; g < count; g++) {
        PyObject *gate = PyTuple_GET_ITEM(gates, g), *chars, *tests;
        long long passed;
        int on = 0;
        Py_ssize_t j;
        if (!PyTuple_CheckExact(gate) || PyTuple_GET_SIZE(gate) != 3 ||
            !PyUnicode_Check(chars = PyTuple_GET_ITEM(gate, 1)) || !PyTuple_CheckExact(tests = PyTuple_GET_ITEM(gate, 2)) ||
            (passed = fast_bits(PyTuple_GET_ITEM(gate, 0))) < 0) {
            PyErr_SetString(PyExc_ValueError, "select_gates: each gate (passed bits that fit, chars a str, tests a tuple)");
            goto done;
        }
        on = (un & passed) != 0;
        for (j = 0; !on && j < PyUnicode_GET_LENGTH(chars); j++) {
            const Py_UCS4 ch = PyUnicode_READ_CHAR(chars, j);
            Py_ssize_t at;
            /* a character above the text's widest cannot be in it: most stories are ASCII, and
             * eight of the twelve trigger characters (curly quotes, dashes, U+0085, U+00A0, line
             * and paragraph separators) are not, each a call or a scan of the text for nothing */
            if (ch > top)
                continue;
            if ((at = PyUnicode_FindChar(text, ch, 0, length, 1)) == -2)
                goto done;
            on = at >= 0;
        }
        for (j = 0; !on && j < PyTuple_GET_SIZE(tests); j++) {
            PyObject *spec = PyTuple_GET_ITEM(tests, j), *found;
            const Py_ssize_t fields = 10;
            if (!PyTuple_CheckExact(spec) || PyTuple_GET_SIZE(spec) != fields) {
                PyErr_SetString(PyExc_ValueError, "select_gates: each test (key, test, table, fails, only, shapes, "
                                                  "decided, tested, passed, own)");
                goto done;
            }
            found = PyDict_GetItemWithError(selected, PyTuple_GET_ITEM(spec, 0));
            if (found != NULL) {
                Py_INCREF(found);
            } else if (PyErr_Occurred()) {
                goto done;
            } else {
                PyObject *const *item = &PyTuple_GET_ITEM(spec, 1);
                long long tested, test_passed;
                long shapes;
                Py_ssize_t own;
                if (test_masks(item, &item[6], &shapes, &tested, &test_passed, &own) < 0)
                    goto done;
                /* read again: a test before it ran Python code */
                if (tested <= 0 || test_passed <= 0 || PyList_GET_SIZE(keys) != n ||
                    PyByteArray_GET_SIZE(pending) != n * (Py_ssize_t)sizeof(long long)) {
                    PyErr_SetString(PyExc_ValueError, "select_gates: a test's masks that fit; one long long a key");
                    goto done;
                }
                Py_INCREF(spec); /* the test runs Python code */
                found = pending_select(item, shapes, keys, bits, pending, tested, test_passed, own, known);
                if (found != NULL && PyDict_SetItem(selected, PyTuple_GET_ITEM(spec, 0), found) < 0)
                    Py_CLEAR(found);
                Py_DECREF(spec);
                if (found == NULL)
                    goto done;
                ran |= tested;
            }
            on = PyAnySet_Check(found) ? PySet_GET_SIZE(found) > 0 : PyObject_IsTrue(found);
            Py_DECREF(found);
            if (on < 0)
                goto done;
        }
        PyTuple_SET_ITEM(fired, g, Py_NewRef(on ? Py_True : Py_False));
    }
    {
        PyObject *ran_bits = PyLong_FromLongLong(ran);
        if (ran_bits != NULL)
            out = PyTuple_Pack(2, fired, ran_bits);
        Py_XDECREF(ran_bits);
    }
done:
    Py_DECREF(fired);
    return out;
}

/* select_kept(spec, story, pended): what select_pending finds for one test on a story, in one call
 * where Document.selected went through LetterTest.select_read's Python frame: `spec` the test's
 * (test, table, fails, only, shapes, decided, tested, passed, own), `story` a StoryBits (keys,
 * bits, union, pending, known), and `pended` the letter tests' memory's box of kept pending bits
 * (`_WordBits.kept`: a bytearray of one long long), or-ed with `tested`. The story is not marked
 * unflushed here: StoryBits.read marks every story it reads (an attribute read, a dict store, an
 * int made and an attribute written, a test a story, were 0.5% of a corpus run's instructions).
 * None (nothing done) when `spec` is None or the story's bits are not packed: select_read then.
 * (No word found: the shared empty frozenset, nothing_found.) */
static PyObject *
select_kept(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *spec, *story, *pended, *keys, *bits, *pending, *known, *found;
    long long tested, passed;
    long shapes;
    Py_ssize_t n, own;
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "select_kept takes 3 arguments: spec, story and pended");
        return NULL;
    }
    spec = args[0], story = args[1], pended = args[2];
    if (spec == Py_None)
        Py_RETURN_NONE;
    if (!PyTuple_CheckExact(spec) || PyTuple_GET_SIZE(spec) != 9 || !PyTuple_Check(story) ||
        PyTuple_GET_SIZE(story) != 5 || !PyByteArray_CheckExact(pended) ||
        PyByteArray_GET_SIZE(pended) != (Py_ssize_t)sizeof(long long)) {
        PyErr_SetString(PyExc_TypeError, "select_kept: spec a tuple of 9 (test, table, fails, only, shapes, "
                                         "decided, tested, passed, own), story a tuple of 5, pended a "
                                         "bytearray of one long long");
        return NULL;
    }
    keys = PyTuple_GET_ITEM(story, 0), bits = PyTuple_GET_ITEM(story, 1), pending = PyTuple_GET_ITEM(story, 3);
    known = PyTuple_GET_ITEM(story, 4);
    if (!PyList_Check(keys) || !PyBytes_CheckExact(bits) || !PyByteArray_CheckExact(pending) ||
        (known != Py_None && !PyByteArray_CheckExact(known)))
        Py_RETURN_NONE;
    n = PyList_GET_SIZE(keys);
    if (test_masks(&PyTuple_GET_ITEM(spec, 0), &PyTuple_GET_ITEM(spec, 6), &shapes, &tested, &passed, &own) < 0)
        return NULL;
    if (PyBytes_GET_SIZE(bits) != n * (Py_ssize_t)sizeof(long long) ||
        PyByteArray_GET_SIZE(pending) != n * (Py_ssize_t)sizeof(long long) || tested <= 0 || passed <= 0) {
        PyErr_SetString(PyExc_ValueError, "select_kept: one long long a key in bits and pending; masks that fit");
        return NULL;
    }
    Py_INCREF(spec); /* the test runs Python code */
    Py_INCREF(story);
    Py_INCREF(pended);
    found = pending_select(&PyTuple_GET_ITEM(spec, 0), shapes, keys, bits, pending, tested, passed, own, known);
    Py_DECREF(spec);
    Py_DECREF(story);
    /* read again: the test ran Python code (a bytearray with a view exported keeps its size) */
    if (found != NULL && PyByteArray_GET_SIZE(pended) == (Py_ssize_t)sizeof(long long)) {
        long long was;
        memcpy(&was, PyByteArray_AS_STRING(pended), sizeof was);
        was |= tested;
        memcpy(PyByteArray_AS_STRING(pended), &was, sizeof was);
    }
    Py_DECREF(pended);
    return found;
}

/* flush_bits(keys, pending, memory, room): the pending bits of a story (select_pending's) or-ed
 * into memory[key] and cleared, when the keys with pending bits are at most `room`; returns how
 * many there are (nothing written when they are more than `room`). A key whose bits read_bits's
 * table holds (the story's words: read_bits keeps them, 0 for a word the memory lacks) has them
 * read from there, not from the memory: a dict lookup and an int or-ed saved, for each of a
 * story's new words (and a word whose bits hold its pending ones already is not written).
 * story_flush is its work, its arguments checked (keys a list, pending a bytearray, memory a
 * dict): how many keys have pending bits, -1 with an error set. */
static Py_ssize_t
story_flush(PyObject *keys, PyObject *pending, PyObject *memory, Py_ssize_t room)
{
    Py_ssize_t n, i, count = 0;
    long long *pend;
    n = PyList_GET_SIZE(keys);
    if (PyByteArray_GET_SIZE(pending) != n * (Py_ssize_t)sizeof(long long)) {
        PyErr_SetString(PyExc_ValueError, "flush_bits: one long long a key in pending");
        return -1;
    }
    pend = (long long *)PyByteArray_AS_STRING(pending);
    for (i = 0; i < n; i++)
        count += pend[i] != 0;
    if (count > room)
        return count;
    for (i = 0; i < n; i++) {
        PyObject *key = PyList_GET_ITEM(keys, i), *old, *add, *now;
        int err;
        if (pend[i] == 0)
            continue;
        if (!PyUnicode_CheckExact(key)) { /* a str's lookup runs no code: pend stays valid */
            PyErr_SetString(PyExc_TypeError, "flush_bits: the keys are str");
            return -1;
        }
        if (memory == kept_memory && kept_count > 0 && pend[i] > 0) {
            Py_hash_t h = str_hash(key);
            KeptBits *slot = h == -1 ? NULL : kept_bits_slot(key, h);
            if (h == -1)
                return -1;
            if (slot->word != NULL && slot->bits != KEPT_UNKNOWN) { /* the memory's bits, as it holds them */
                unsigned long long was = slot->bits, both = was | (unsigned long long)pend[i];
                if (both != was) {
                    now = PyLong_FromLongLong((long long)both);
                    err = now == NULL ? -1 : PyDict_SetItem(memory, key, now);
                    Py_XDECREF(now);
                    if (err < 0)
                        return -1;
                    slot->bits = both;
                }
                pend[i] = 0;
                continue;
            }
        }
        old = PyDict_GetItemWithError(memory, key); /* borrowed */
        if (old == NULL && PyErr_Occurred())
            return -1;
        add = PyLong_FromLongLong(pend[i]);
        now = add == NULL || old == NULL ? Py_XNewRef(add) : bits_or(old, add, pend[i]);
        Py_XDECREF(add);
        err = now == NULL ? -1 : PyDict_SetItem(memory, key, now);
        if (err == 0)
            kept_bits_note(memory, key, now);
        Py_XDECREF(now);
        if (err < 0)
            return -1;
        pend[i] = 0;
    }
    return count;
}

static PyObject *
flush_bits(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t room, count;
    if (BAD_COUNT(4, 4) || BAD_TYPE(0, PyList_Check, "list") || BAD_TYPE(1, PyByteArray_Check, "bytearray") ||
        BAD_TYPE(2, PyDict_Check, "dict") || BAD_SSIZE(3, room))
        return NULL;
    count = story_flush(args[0], args[1], args[2], room);
    return count < 0 ? NULL : PyLong_FromSsize_t(count);
}

/* Whether `story` is a StoryBits whose bits are packed (a tuple of five: keys a list, bits bytes,
 * union, pending a bytearray, known), as flush_stories and story_bits read it. */
static int
packed_story(PyObject *story)
{
    return PyTuple_Check(story) && PyTuple_GET_SIZE(story) == 5 && PyList_Check(PyTuple_GET_ITEM(story, 0)) &&
           PyBytes_CheckExact(PyTuple_GET_ITEM(story, 1)) && PyByteArray_CheckExact(PyTuple_GET_ITEM(story, 3));
}

/* flush_stories(unflushed, memory, limit): `_WordBits.flush`'s loop in one call, where it goes as
 * it goes most times: every story of the dict `unflushed` (StoryBits) has packed bits, and all
 * their keys with pending bits fit the memory (a dict) below `limit` words together, so that each
 * story's fit the room left when its turn comes. Then each story's pending bits are written as
 * flush_bits writes them, in the dict's order, the dict emptied first, and True is returned;
 * otherwise nothing is done and False returned (the Python loop then). */
static PyObject *
flush_stories(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *unflushed, *memory, *story, *key, *stories;
    Py_ssize_t limit, pos = 0, total = 0, i;
    if (BAD_COUNT(3, 3) || BAD_TYPE(0, PyDict_Check, "dict") || BAD_TYPE(1, PyDict_Check, "dict") ||
        BAD_SSIZE(2, limit))
        return NULL;
    unflushed = args[0], memory = args[1];
    while (PyDict_Next(unflushed, &pos, &key, &story)) {
        PyObject *pending;
        const long long *pend;
        Py_ssize_t n, k;
        if (!packed_story(story))
            Py_RETURN_FALSE;
        n = PyList_GET_SIZE(PyTuple_GET_ITEM(story, 0));
        pending = PyTuple_GET_ITEM(story, 3);
        if (PyByteArray_GET_SIZE(pending) != n * (Py_ssize_t)sizeof(long long))
            Py_RETURN_FALSE; /* (refused by the loop, as flush_bits refuses it) */
        pend = (const long long *)PyByteArray_AS_STRING(pending);
        for (k = 0; k < n; k++)
            total += pend[k] != 0;
    }
    if (total > limit - PyDict_GET_SIZE(memory))
        Py_RETURN_FALSE;
    if ((stories = PyDict_Values(unflushed)) == NULL)
        return NULL;
    PyDict_Clear(unflushed);
    for (i = 0; i < PyList_GET_SIZE(stories); i++) {
        story = PyList_GET_ITEM(stories, i); /* (the list holds it) */
        if (story_flush(PyTuple_GET_ITEM(story, 0), PyTuple_GET_ITEM(story, 3), memory,
                        limit - PyDict_GET_SIZE(memory)) < 0) {
            Py_DECREF(stories);
            return NULL;
        }
    }
    Py_DECREF(stories);
    Py_RETURN_TRUE;
}

/* story_bits(cls, words, memory): `StoryBits.read`'s story, after its flush, in one call: the keys
 * of `words` as a list (`words` itself when it is one: a token index's list of its counted words,
 * kept read-only), their bits read as read_bits reads them, a pending bytearray and a known
 * one of their size, as a `cls` (StoryBits, a tuple of five). None when the bits do not come
 * packed (the Python steps then). */
static PyObject *
story_bits(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyTypeObject *cls;
    PyObject *keys, *read, *items[5];
    Py_ssize_t n, k;
    if (BAD_COUNT(3, 3) || BAD_TYPE(0, PyType_Check, "type") || BAD_TYPE(2, PyDict_Check, "dict"))
        return NULL;
    cls = (PyTypeObject *)args[0];
    if (!PyType_IsSubtype(cls, &PyTuple_Type) || cls->tp_basicsize != PyTuple_Type.tp_basicsize ||
        cls->tp_itemsize != PyTuple_Type.tp_itemsize) {
        PyErr_SetString(PyExc_TypeError, "story_bits: cls is a tuple's subclass of no fields of its own");
        return NULL;
    }
    if (PyDict_Check(args[1]) && Py_TYPE(args[1])->tp_iter == PyDict_Type.tp_iter) {
        /* a dict's keys (a Counter's: a story's word counts), in the order iterating gives them,
         * into a list of their number made at once (list() grows one by the iteration), read
         * from the dict's table in one walk (where PyDict_Next, a call a key, cost 52
         * instructions a word: 0.5% of a corpus run's) */
        if ((keys = PyDict_Keys(args[1])) == NULL)
            return NULL;
    } else if (PyList_CheckExact(args[1])) /* (a token index's words: the story's own list, kept) */
        keys = Py_NewRef(args[1]);
    else if ((keys = PySequence_List(args[1])) == NULL)
        return NULL;
    {
        PyObject *pair[2] = {keys, args[2]};
        read = read_bits(self, pair, 2);
    }
    if (read == NULL) {
        Py_DECREF(keys);
        return NULL;
    }
    if (!PyBytes_CheckExact(PyTuple_GET_ITEM(read, 0))) { /* not packed: told so */
        Py_DECREF(keys);
        Py_DECREF(read);
        Py_RETURN_NONE;
    }
    n = PyList_GET_SIZE(keys);
    items[0] = keys;
    items[1] = Py_NewRef(PyTuple_GET_ITEM(read, 0));
    items[2] = Py_NewRef(PyTuple_GET_ITEM(read, 1));
    items[3] = PyByteArray_FromStringAndSize(NULL, n * (Py_ssize_t)sizeof(long long));
    items[4] = PyByteArray_FromStringAndSize(NULL, n);
    Py_DECREF(read);
    if (items[3] == NULL || items[4] == NULL) {
        for (k = 0; k < 5; k++)
            Py_XDECREF(items[k]);
        return NULL;
    }
    memset(PyByteArray_AS_STRING(items[3]), 0, (size_t)n * sizeof(long long));
    memset(PyByteArray_AS_STRING(items[4]), 0, (size_t)n);
    return named_tuple(cls, items, 5);
}

#define FNV_OFFSET 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

/* FNV-1a's state `h` carried over the bytes s[0:n]. */
static unsigned long long
fnv_more(unsigned long long h, const char *s, Py_ssize_t n)
{
    Py_ssize_t i;
    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= FNV_PRIME;
    }
    return h;
}

/* An FNV-1a state mixed into the hash (splitmix64's finaliser), every bit depending on every letter. */
static unsigned long long
fnv_mixed(unsigned long long h)
{
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return h;
}

/* The hash of an ASCII string that the filters of edits_among read: FNV-1a, then mixed
 * (splitmix64's finaliser) so that every bit depends on every letter. */
static unsigned long long
edit_hash(const char *s, Py_ssize_t n)
{
    return fnv_mixed(fnv_more(FNV_OFFSET, s, n));
}

/* WordTable(data, sep, slots=None): the keys of a shipped table's lines (what precedes `sep` on
 * a line, or the whole line; empty keys left out), a set looked up in the lines' bytes in place:
 * an open-addressing table of uint64 slots, each (the key's hash's low 32 bits << 32) | (where
 * its line starts + 1), 0 empty, at the hash's top bits and on by linear probing; the hash
 * edit_hash's (FNV-1a, mixed) of the key's UTF-8 bytes, never Python's (randomised per process).
 * The word list's 144,000 words as a frozenset cost a run 105 M instructions (splitting,
 * hashing, inserting) before `--jobs` forks and about 10 MB; these slots are 2 MB, built here in
 * a few ms or read from `slots` (word_table_slots' bytes for the same data, shipped). */
typedef struct {
    PyObject_HEAD
    Py_buffer data;     /* the lines (bytes or a memory map), held while the table lives */
    Py_buffer shipped;  /* the slots' buffer when given, else .obj NULL */
    const uint64_t *slots;
    uint64_t *own;      /* the slots built here (freed with the table), or NULL */
    Py_ssize_t count;   /* the keys */
    Py_ssize_t mask;    /* slots less one (a power of two less one) */
    int shift;          /* 64 less the bits of the slots' count */
    char sep;
} WordTableObject;

static PyTypeObject *word_table_type; /* set at the module's init */

/* The slots for `count` keys: the least power of two from 64 that is 3/2 of them or more. */
static Py_ssize_t
word_table_size(Py_ssize_t count)
{
    Py_ssize_t slots = 64;
    while (2 * slots < 3 * count)
        slots <<= 1;
    return slots;
}

/* Whether the key of the line at `at` (its start) is s[0:n]. */
static inline int
wt_key_is(const char *data, Py_ssize_t size, Py_ssize_t at, const char *s, Py_ssize_t n, char sep)
{
    if (at + n > size || memcmp(data + at, s, n) != 0)
        return 0;
    return at + n == size || data[at + n] == sep || data[at + n] == '\n';
}

/* Where the line of the key s[0:n] (hashed: h) starts, or -1. */
static inline Py_ssize_t
wt_find(const uint64_t *slots, Py_ssize_t mask, int shift, const char *data, Py_ssize_t size, char sep,
        const char *s, Py_ssize_t n, unsigned long long h)
{
    Py_ssize_t i = (Py_ssize_t)(h >> shift) & mask;
    uint64_t tag = (uint64_t)(uint32_t)h << 32, slot;
    while ((slot = slots[i]) != 0) {
        if ((slot & 0xffffffff00000000ULL) == tag) {
            Py_ssize_t at = (Py_ssize_t)(slot & 0xffffffffULL) - 1;
            if (wt_key_is(data, size, at, s, n, sep))
                return at;
        }
        i = (i + 1) & mask;
    }
    return -1;
}

/* Build the slots of data's keys into `slots` (zeroed, `mask` + 1 of them); the keys counted. */
static Py_ssize_t
wt_fill(uint64_t *slots, Py_ssize_t mask, int shift, const char *data, Py_ssize_t size, char sep)
{
    Py_ssize_t start = 0, count = 0;
    while (start < size) {
        const char *line = data + start, *nl = memchr(line, '\n', size - start), *end;
        Py_ssize_t len = nl == NULL ? size - start : nl - line, n;
        end = sep == '\n' ? NULL : memchr(line, sep, len);
        n = end == NULL ? len : end - line;
        if (n > 0 && start < 0xffffffffLL) {
            unsigned long long h = edit_hash(line, n);
            Py_ssize_t i = (Py_ssize_t)(h >> shift) & mask;
            uint64_t tag = (uint64_t)(uint32_t)h << 32, slot;
            int seen = 0;
            while ((slot = slots[i]) != 0) {
                if ((slot & 0xffffffff00000000ULL) == tag &&
                    wt_key_is(data, size, (Py_ssize_t)(slot & 0xffffffffULL) - 1, line, n, sep)) {
                    seen = 1;
                    break;
                }
                i = (i + 1) & mask;
            }
            if (!seen) {
                slots[i] = tag | (uint64_t)(start + 1);
                count++;
            }
        }
        start += len + 1;
    }
    return count;
}

/* The keys of data's lines (no key left out but the empty ones), for sizing a table. */
static Py_ssize_t
wt_lines(const char *data, Py_ssize_t size)
{
    Py_ssize_t lines = 0, start = 0;
    while (start < size) {
        const char *nl = memchr(data + start, '\n', size - start);
        Py_ssize_t len = nl == NULL ? size - start : nl - (data + start);
        lines++;
        start += len + 1;
    }
    return lines;
}

static int
wt_sep(PyObject *sep, char *out)
{
    if (!PyUnicode_Check(sep) || PyUnicode_GET_LENGTH(sep) != 1 || PyUnicode_READ_CHAR(sep, 0) > 127) {
        PyErr_SetString(PyExc_ValueError, "WordTable: the separator must be one ASCII character");
        return -1;
    }
    *out = (char)PyUnicode_READ_CHAR(sep, 0);
    return 0;
}

/* word_table_slots(data, sep): the bytes of the slots WordTable builds for data's lines (what a
 * shipped table holds). */
static PyObject *
word_table_slots(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer data;
    PyObject *out;
    Py_ssize_t slots;
    char sep;
    int shift = 64;
    if (BAD_COUNT(2, 2) || wt_sep(args[1], &sep) < 0)
        return NULL;
    if (PyObject_GetBuffer(args[0], &data, PyBUF_SIMPLE) < 0)
        return NULL;
    slots = word_table_size(wt_lines(data.buf, data.len));
    out = PyBytes_FromStringAndSize(NULL, slots * (Py_ssize_t)sizeof(uint64_t));
    if (out != NULL) {
        Py_ssize_t k;
        memset(PyBytes_AS_STRING(out), 0, slots * sizeof(uint64_t));
        for (k = slots; k > 1; k >>= 1)
            shift--;
        wt_fill((uint64_t *)PyBytes_AS_STRING(out), slots - 1, shift, data.buf, data.len, sep);
    }
    PyBuffer_Release(&data);
    return out;
}

static PyObject *
word_table_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *data, *sep, *slots = Py_None;
    WordTableObject *table;
    Py_ssize_t size, k;
    if (!PyArg_ParseTuple(args, "OO|O:WordTable", &data, &sep, &slots))
        return NULL;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "WordTable() takes no keyword arguments");
        return NULL;
    }
    table = (WordTableObject *)type->tp_alloc(type, 0);
    if (table == NULL)
        return NULL;
    table->data.obj = table->shipped.obj = NULL;
    table->own = NULL;
    if (wt_sep(sep, &table->sep) < 0 || PyObject_GetBuffer(data, &table->data, PyBUF_SIMPLE) < 0) {
        Py_DECREF(table);
        return NULL;
    }
    if (table->data.len >= 0xffffffffLL) {
        PyErr_SetString(PyExc_ValueError, "WordTable: the data must be under 4 GB");
        Py_DECREF(table);
        return NULL;
    }
    if (slots != Py_None) {
        if (PyObject_GetBuffer(slots, &table->shipped, PyBUF_SIMPLE) < 0) {
            Py_DECREF(table);
            return NULL;
        }
        size = table->shipped.len / (Py_ssize_t)sizeof(uint64_t);
        if (size < 64 || (size & (size - 1)) || table->shipped.len != size * (Py_ssize_t)sizeof(uint64_t) ||
            ((uintptr_t)table->shipped.buf & 7)) {
            PyErr_SetString(PyExc_ValueError, "WordTable: the slots must be word_table_slots' bytes");
            Py_DECREF(table);
            return NULL;
        }
        table->slots = table->shipped.buf;
        table->count = -1; /* counted when asked: a short check reads a few of its pages */
    }
    else {
        size = word_table_size(wt_lines(table->data.buf, table->data.len));
        table->own = PyMem_Calloc(size, sizeof(uint64_t));
        if (table->own == NULL) {
            Py_DECREF(table);
            return PyErr_NoMemory();
        }
        table->slots = table->own;
    }
    table->mask = size - 1;
    for (table->shift = 64, k = size; k > 1; k >>= 1)
        table->shift--;
    if (table->own != NULL)
        table->count = wt_fill(table->own, table->mask, table->shift, table->data.buf, table->data.len, table->sep);
    return (PyObject *)table;
}

static void
word_table_dealloc(WordTableObject *table)
{
    PyTypeObject *type = Py_TYPE(table);
    if (table->data.obj != NULL)
        PyBuffer_Release(&table->data);
    if (table->shipped.obj != NULL)
        PyBuffer_Release(&table->shipped);
    PyMem_Free(table->own);
    type->tp_free((PyObject *)table);
    Py_DECREF(type);
}

/* Where the key s[0:n] (hashed: h, edit_hash's) starts in the table's data, or -1. */
static inline Py_ssize_t
word_table_find(const WordTableObject *t, const char *s, Py_ssize_t n, unsigned long long h)
{
    return wt_find(t->slots, t->mask, t->shift, t->data.buf, t->data.len, t->sep, s, n, h);
}

/* The UTF-8 bytes of a str key (ASCII: its own data); NULL, no exception, for one that has none
 * (a lone surrogate: no line's key). */
static const char *
wt_utf8(PyObject *key, Py_ssize_t *n)
{
    const char *s;
    if (PyUnicode_IS_ASCII(key)) {
        *n = PyUnicode_GET_LENGTH(key);
        return (const char *)PyUnicode_1BYTE_DATA(key);
    }
    s = PyUnicode_AsUTF8AndSize(key, n);
    if (s == NULL)
        PyErr_Clear();
    return s;
}

/* 1 when the table holds the str `key`, else 0 (anything but a str: 0). */
static int
word_table_contains(WordTableObject *t, PyObject *key)
{
    const char *s;
    Py_ssize_t n;
    if (!PyUnicode_Check(key) || (s = wt_utf8(key, &n)) == NULL || n == 0)
        return 0;
    return word_table_find(t, s, n, edit_hash(s, n)) >= 0;
}

static Py_ssize_t
word_table_length(WordTableObject *t)
{
    if (t->count < 0) {
        Py_ssize_t k, count = 0;
        for (k = 0; k <= t->mask; k++)
            count += t->slots[k] != 0;
        t->count = count;
    }
    return t->count;
}

/* a & b with a WordTable on either side (a set's & asks the table's when the set's declines): the
 * set of the other's items that the table holds, in the other's order, as a set's & with a
 * frozenset gave. */
static PyObject *
word_table_and(PyObject *a, PyObject *b)
{
    int left = PyObject_TypeCheck(a, word_table_type);
    PyObject *table = left ? a : b, *other = left ? b : a, *it, *item, *out;
    if ((it = PyObject_GetIter(other)) == NULL)
        return NULL;
    if ((out = PySet_New(NULL)) == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    while ((item = PyIter_Next(it)) != NULL) {
        int err = word_table_contains((WordTableObject *)table, item) ? PySet_Add(out, item) : 0;
        Py_DECREF(item);
        if (err < 0) {
            Py_CLEAR(out);
            break;
        }
    }
    Py_DECREF(it);
    if (out != NULL && PyErr_Occurred())
        Py_CLEAR(out);
    return out;
}

/* a | b, a - b and a ^ b with a WordTable on either side: what a frozenset of its keys gives (the
 * table made a set of its keys, a few ms for the word list: no check asks, a caller may). */
static PyObject *
wt_as_set(PyObject *x)
{
    return PyObject_TypeCheck(x, word_table_type) ? PySet_New(x) : Py_NewRef(x);
}

static PyObject *
wt_set_op(PyObject *a, PyObject *b, PyObject *(*op)(PyObject *, PyObject *))
{
    PyObject *x = wt_as_set(a), *y = x == NULL ? NULL : wt_as_set(b), *out = NULL;
    if (y != NULL)
        out = op(x, y);
    Py_XDECREF(x);
    Py_XDECREF(y);
    return out;
}

static PyObject *
word_table_or(PyObject *a, PyObject *b)
{
    return wt_set_op(a, b, PyNumber_Or);
}

static PyObject *
word_table_sub(PyObject *a, PyObject *b)
{
    return wt_set_op(a, b, PyNumber_Subtract);
}

static PyObject *
word_table_xor(PyObject *a, PyObject *b)
{
    return wt_set_op(a, b, PyNumber_Xor);
}

/* keys(): the keys, in the data's order (each once), as str. */
static PyObject *
word_table_keys(WordTableObject *t, PyObject *unused)
{
    const char *data = t->data.buf;
    Py_ssize_t size = t->data.len, start = 0;
    PyObject *out = PyList_New(0);
    (void)unused;
    while (out != NULL && start < size) {
        const char *line = data + start, *nl = memchr(line, '\n', size - start), *end;
        Py_ssize_t len = nl == NULL ? size - start : nl - line, n;
        end = t->sep == '\n' ? NULL : memchr(line, t->sep, len);
        n = end == NULL ? len : end - line;
        if (n > 0 && word_table_find(t, line, n, edit_hash(line, n)) == start) { /* (a repeated key: once) */
            PyObject *key = PyUnicode_DecodeUTF8(line, n, NULL);
            if (key == NULL || PyList_Append(out, key) < 0)
                Py_CLEAR(out);
            Py_XDECREF(key);
        }
        start += len + 1;
    }
    return out;
}

static PyObject *
word_table_iter(WordTableObject *t)
{
    PyObject *keys = word_table_keys(t, NULL), *it;
    if (keys == NULL)
        return NULL;
    it = PyObject_GetIter(keys);
    Py_DECREF(keys);
    return it;
}

/* rest(key): what follows the key and the separator on its line (a str), or None. */
static PyObject *
word_table_rest(WordTableObject *t, PyObject *key)
{
    const char *s, *data = t->data.buf, *nl;
    Py_ssize_t n, at, from, size = t->data.len;
    if (!PyUnicode_Check(key) || (s = wt_utf8(key, &n)) == NULL || n == 0 ||
        (at = word_table_find(t, s, n, edit_hash(s, n))) < 0)
        Py_RETURN_NONE;
    from = at + n;
    if (from >= size || data[from] != t->sep || t->sep == '\n')
        Py_RETURN_NONE;
    from++;
    nl = memchr(data + from, '\n', size - from);
    return PyUnicode_DecodeUTF8(data + from, (nl == NULL ? data + size : nl) - (data + from), NULL);
}

/* longest(): the characters of the longest key (UTF-8: its bytes that open a character), 0 for none.
 * Line by line, each end found by memchr: a key has no more characters than bytes, so a line of
 * no more bytes than the longest key so far (nearly all, once a long word is met) is passed over
 * unread; only a longer one has its key's characters counted. The loop of a test a byte cost 33 M
 * instructions over words.txt's 1.4 MB, once in every process of a run (`_longest_word`). */
static PyObject *
word_table_longest(WordTableObject *t, PyObject *unused)
{
    const unsigned char *p = t->data.buf, *end = p + t->data.len;
    Py_ssize_t longest = 0;
    (void)unused;
    while (p < end) {
        const unsigned char *nl = memchr(p, '\n', (size_t)(end - p)), *stop = nl == NULL ? end : nl;
        if (stop - p > longest) { /* (the separator, when it is not the line's end, ends the key) */
            const unsigned char *key_end = t->sep == '\n' ? NULL : memchr(p, t->sep, (size_t)(stop - p)), *q;
            Py_ssize_t chars = 0;
            for (q = p; q < (key_end == NULL ? stop : key_end); q++)
                chars += (*q & 0xC0) != 0x80;
            if (chars > longest)
                longest = chars;
        }
        p = stop + 1;
    }
    return PyLong_FromSsize_t(longest);
}

static PyMethodDef word_table_methods[] = {
    {"keys", (PyCFunction)word_table_keys, METH_NOARGS, "keys(): the keys in the data's order, each once."},
    {"longest", (PyCFunction)word_table_longest, METH_NOARGS,
     "longest(): the length in characters of the longest key (0 for none)."},
    {"rest", (PyCFunction)word_table_rest, METH_O,
     "rest(key): what follows the key and the separator on its line, or None when no line has the key."},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot word_table_type_slots[] = {
    {Py_tp_new, word_table_new},
    {Py_tp_dealloc, word_table_dealloc},
    {Py_tp_iter, word_table_iter},
    {Py_tp_methods, word_table_methods},
    {Py_sq_contains, word_table_contains},
    {Py_nb_and, word_table_and},
    {Py_nb_or, word_table_or},
    {Py_nb_subtract, word_table_sub},
    {Py_nb_xor, word_table_xor},
    {Py_sq_length, word_table_length},
    {Py_mp_length, word_table_length},
    {Py_tp_doc, "WordTable(data, sep, slots=None): the keys of the data's lines as a set, looked up in place."},
    {0, NULL},
};

static PyType_Spec word_table_spec = {
    "newslint._native.WordTable", sizeof(WordTableObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    word_table_type_slots,
};

#define FILTER_PROBES 5

/* The word of a filter of `nbits` bits (a power of two from 64) that a hash's probes all fall in,
 * and their bits in it: a blocked Bloom filter, all probes of a key in one 64-bit word (its
 * bytes in little-endian order), so that a query reads one word, one cache line, where three
 * probes spread over the whole array read up to three lines far apart (the filters are read
 * cold, once or twice a line a story). The word is the hash's bits 32 up; the probes, its low
 * 30 bits, six a probe. Five probes in a word give fewer false positives than three spread
 * ones at the 16-30 bits a key the filters hold (simulated: 0.44% against 0.50% at 16, 0.07%
 * against 0.09% at 29). */
static ALWAYS_INLINE uint64_t
filter_mask(unsigned long long h)
{
    uint64_t mask = 0;
    int j;
    for (j = 0; j < FILTER_PROBES; j++)
        mask |= 1ULL << ((h >> (6 * j)) & 63);
    return mask;
}

static ALWAYS_INLINE const unsigned char *
filter_word(const unsigned char *bits, unsigned long long nbits, unsigned long long h)
{
    return bits + 8 * ((h >> 32) & ((nbits >> 6) - 1));
}

static ALWAYS_INLINE uint64_t
filter_load(const unsigned char *at)
{
    uint64_t word;
    memcpy(&word, at, sizeof word);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    word = __builtin_bswap64(word);
#endif
    return word;
}

/* Whether the filter of `nbits` bits (a power of two from 64) may hold the string of hash h: all
 * its probes set. With add, set them. */
static ALWAYS_INLINE int
filter_probe_hash(unsigned char *bits, unsigned long long nbits, unsigned long long h, int add)
{
    const unsigned char *at = filter_word(bits, nbits, h);
    uint64_t mask = filter_mask(h), word = filter_load(at);
    if (add) {
        word |= mask;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        word = __builtin_bswap64(word);
#endif
        memcpy((unsigned char *)at, &word, sizeof word);
        return 1;
    }
    return (word & mask) == mask;
}

/* filter_probe_hash's test (not add) a probe at a time, out at the first bit clear: a filter
 * about 16 bits a key has about a quarter of its bits set, so a string it lacks (split_pairs'
 * joins and edit_lookup's edits, nearly all) fails at its first or second probe, where the whole
 * mask costs all five. */
static ALWAYS_INLINE int
filter_may_hold(const unsigned char *bits, unsigned long long nbits, unsigned long long h)
{
    uint64_t word = filter_load(filter_word(bits, nbits, h));
    int j;
    for (j = 0; j < FILTER_PROBES; j++)
        if (!((word >> ((h >> (6 * j)) & 63)) & 1))
            return 0;
    return 1;
}

static int
filter_probe(unsigned char *bits, unsigned long long nbits, const char *s, Py_ssize_t n, int add)
{
    return filter_probe_hash(bits, nbits, edit_hash(s, n), add);
}

/* edit_filter(keys): a Bloom filter of the ASCII strings among `keys` (an iterable), as bytes,
 * about 16 bits a key: edits_among asks it before it makes an edit into a str and looks it up
 * in the container, so that most of the hundreds of edits of a word cost a hash and the test
 * of one word (filter_probe_hash), not a str and a probe of a large table. It never says no to
 * a key it was built from; the container it stands for must not change. Non-ASCII keys are
 * left out: no edit of an ASCII word is one. */
static PyObject *
edit_filter(PyObject *self, PyObject *keys)
{
    PyObject *iter, *item, *out;
    unsigned long long nbits = 1024;
    Py_ssize_t size;
    size = PyObject_Size(keys);
    if (size < 0)
        return NULL;
    while (nbits < 16ULL * (unsigned long long)size)
        nbits <<= 1;
    out = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)(nbits >> 3));
    if (out == NULL)
        return NULL;
    memset(PyBytes_AS_STRING(out), 0, nbits >> 3);
    iter = PyObject_GetIter(keys);
    if (iter == NULL) {
        Py_DECREF(out);
        return NULL;
    }
    while ((item = PyIter_Next(iter)) != NULL) {
        if (PyUnicode_Check(item) && PyUnicode_IS_ASCII(item))
            filter_probe((unsigned char *)PyBytes_AS_STRING(out), nbits, (const char *)PyUnicode_1BYTE_DATA(item),
                         PyUnicode_GET_LENGTH(item), 1);
        Py_DECREF(item);
    }
    Py_DECREF(iter);
    if (PyErr_Occurred()) {
        Py_DECREF(out);
        return NULL;
    }
    return out;
}

#define ALL_LETTERS 0x3ffffffu /* a bit for each letter a-z */

/* The slot of an opening or ending, by its FNV-1a state, in affix_filter's tables of 2 ** (64 -
 * shift) slots: the state's top bits once multiplied by 2 ** 64 over the golden ratio (FNV-1a's
 * multiplications carry every letter into the top bits; one more spreads them). */
static inline unsigned long long
affix_slot(unsigned long long state, int shift)
{
    return (state * 0x9e3779b97f4a7c15ULL) >> shift;
}

/* affix_filter(keys): for the ASCII strings among `keys` (a sized iterable), two tables of
 * letter masks (a bit for each letter a-z), as bytes of uint32: in the first, at the slot of
 * each opening s[:i] (the empty one too), the letters that follow it in a key; in the second, at
 * the slot of each ending s[i:], the letters before it (its letters read from the last). Openings
 * that share a slot share their letters (a power of two slots, about three for every two keys: a
 * list's words share most openings and endings), so a mask holds every letter that can follow,
 * and maybe a few more. walk_edits reads a mask for each opening and ending of a word: the edit
 * w[:i] + c + rest is a key only if c is in both w[:i]'s and rest's masks, which for a Lookup of
 * a word list leaves about one substitution or insertion in twelve to be hashed whole. */
static PyObject *
affix_filter(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *iter, *item, *out;
    unsigned long long slots = 64;
    int shift = 58;
    Py_ssize_t size;
    uint32_t *heads, *tails;
    if (nargs != 1) {
        PyErr_SetString(PyExc_TypeError, "affix_filter(keys) takes one argument");
        return NULL;
    }
    if ((size = PyObject_Size(args[0])) < 0)
        return NULL;
    while (2 * slots < 3 * (unsigned long long)size) {
        slots <<= 1;
        shift--;
    }
    out = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)(2 * slots * sizeof(uint32_t)));
    if (out == NULL)
        return NULL;
    heads = (uint32_t *)PyBytes_AS_STRING(out);
    tails = heads + slots;
    memset(heads, 0, 2 * slots * sizeof(uint32_t));
    if ((iter = PyObject_GetIter(args[0])) == NULL) {
        Py_DECREF(out);
        return NULL;
    }
    while ((item = PyIter_Next(iter)) != NULL) {
        if (PyUnicode_Check(item) && PyUnicode_IS_ASCII(item)) {
            const unsigned char *s = PyUnicode_1BYTE_DATA(item);
            Py_ssize_t n = PyUnicode_GET_LENGTH(item), i;
            unsigned long long head = FNV_OFFSET, tail = FNV_OFFSET;
            for (i = 0; i < n; i++) {
                unsigned char next = s[i], before = s[n - 1 - i];
                if (next >= 'a' && next <= 'z') /* an edit puts only these letters */
                    heads[affix_slot(head, shift)] |= 1u << (next - 'a');
                if (before >= 'a' && before <= 'z')
                    tails[affix_slot(tail, shift)] |= 1u << (before - 'a');
                head = (head ^ next) * FNV_PRIME;
                tail = (tail ^ before) * FNV_PRIME;
            }
        }
        Py_DECREF(item);
    }
    Py_DECREF(iter);
    if (PyErr_Occurred()) {
        Py_DECREF(out);
        return NULL;
    }
    return out;
}

/* edits_among(word, container, filter): the strings one deletion, swap of two neighbours,
 * substitution or insertion (of a letter a-z) from the ASCII `word` that `container` (a set,
 * frozenset or dict) holds, as a set: `one_edit_away(word) & container` (newslint.native),
 * without building the hundreds of edits that are not in it. Each edit is made in one buffer;
 * `filter` (edit_filter's bytes for the container's keys, or None) rules most of them out
 * before one is made into a str and looked up; as a pair, (edit_filter's bytes, affix_filter's
 * bytes), the second rules most substitutions and insertions out before an edit is hashed. */
struct edit_target {
    PyObject *container, *out;
    int is_dict;
    const WordTableObject *table; /* the container when a WordTable (looked up by the edit's bytes), else NULL */
    unsigned char *bits;
    unsigned long long nbits;
    const uint32_t *heads, *tails; /* affix_filter's tables, or NULL */
    int shift;                     /* 64 less the bits of their slots */
};

/* Look one edit up in each of `count` targets, its hash computed once for all their filters:
 * carried on from `state`, FNV-1a's state after buf[0:from] (swap_inside's, from the offset
 * state), or `*given` (walk_edits' hash of it, from the opening it shares with the word) when
 * not NULL. */
static int
edit_lookup(struct edit_target *t, Py_ssize_t count, const char *buf, Py_ssize_t len, unsigned long long state,
            Py_ssize_t from, const unsigned long long *given)
{
    unsigned long long h = given != NULL ? *given : 0;
    int hashed = given != NULL;
    Py_ssize_t k;
    for (k = 0; k < count; k++) {
        PyObject *s;
        int found;
        if (t[k].bits != NULL) {
            if (!hashed) {
                h = fnv_mixed(fnv_more(state, buf + from, len - from));
                hashed = 1;
            }
            if (!filter_may_hold(t[k].bits, t[k].nbits, h))
                continue;
        }
        if (t[k].table != NULL) { /* looked up by its bytes: a str made only of an edit it holds */
            if (!hashed) {
                h = fnv_mixed(fnv_more(state, buf + from, len - from));
                hashed = 1;
            }
            if (len == 0 || word_table_find(t[k].table, buf, len, h) < 0)
                continue;
            s = PyUnicode_New(len, 127);
            if (s == NULL)
                return -1;
            memcpy(PyUnicode_1BYTE_DATA(s), buf, len);
            found = PySet_Add(t[k].out, s);
            Py_DECREF(s);
            if (found < 0)
                return -1;
            continue;
        }
        s = PyUnicode_New(len, 127);
        if (s == NULL)
            return -1;
        if (len)
            memcpy(PyUnicode_1BYTE_DATA(s), buf, len);
        found = t[k].is_dict ? PyDict_Contains(t[k].container, s) : PySet_Contains(t[k].container, s);
        if (found > 0)
            found = PySet_Add(t[k].out, s);
        Py_DECREF(s);
        if (found < 0)
            return -1;
    }
    return 0;
}

#define EDIT_BUFFER 64

/* Whether an edit may put the byte c where an affix mask allows `mask`: a letter a-z only if
 * its bit is set (the masks hold no other byte: anything else is let through). */
static inline int
mask_allows(uint32_t mask, char c)
{
    return c < 'a' || c > 'z' || ((mask >> (c - 'a')) & 1);
}

/* The edits of the word that may be a key of one of `count` targets, by their affix_filter
 * tables (every edit for a target without them): into sub[i], the letters c for
 * w[:i] + c + w[i + 1:] (i < n); ins[i], those for w[:i] + c + w[i:] (i <= n); kept[i], bit
 * EDIT_DELETION_KEPT when w[:i] + w[i + 1:] may be one (its opening followed by w[i + 1], its
 * ending preceded by w[i - 1]) and EDIT_SWAP_KEPT when w[:i] + w[i + 1] + w[i] + w[i + 2:] may
 * (its opening followed by w[i + 1], its ending w[i + 2:] preceded by w[i]). opening[i] and
 * ending[i] are the FNV-1a states of w[:i] and of w[i:] read from the last letter; heads and
 * tails, room for n + 1 masks. */
#define EDIT_DELETION_KEPT 1
#define EDIT_SWAP_KEPT 2
static void
edit_letters(const struct edit_target *t, Py_ssize_t count, const char *w, Py_ssize_t n,
             const unsigned long long *opening, const unsigned long long *ending, uint32_t *heads, uint32_t *tails,
             uint32_t *sub, uint32_t *ins, unsigned char *kept)
{
    Py_ssize_t k, i;
    memset(sub, 0, n * sizeof(uint32_t));
    memset(ins, 0, (n + 1) * sizeof(uint32_t));
    memset(kept, 0, n);
    for (k = 0; k < count; k++) {
        if (t[k].heads == NULL) {
            for (i = 0; i < n; i++)
                sub[i] = ALL_LETTERS;
            for (i = 0; i <= n; i++)
                ins[i] = ALL_LETTERS;
            memset(kept, EDIT_DELETION_KEPT | EDIT_SWAP_KEPT, n);
            return;
        }
        for (i = 0; i <= n; i++) {
            heads[i] = t[k].heads[affix_slot(opening[i], t[k].shift)];
            tails[i] = t[k].tails[affix_slot(ending[i], t[k].shift)];
        }
        for (i = 0; i < n; i++) {
            /* a deletion's opening w[:i] is followed by w[i + 1]; its ending w[i + 1:] preceded by w[i - 1] */
            if ((i + 1 == n || mask_allows(heads[i], w[i + 1])) && (i == 0 || mask_allows(tails[i + 1], w[i - 1])))
                kept[i] |= EDIT_DELETION_KEPT;
            /* a swap's opening w[:i] is followed by w[i + 1]; its ending w[i + 2:] preceded by w[i] */
            if (i + 1 < n && mask_allows(heads[i], w[i + 1]) && mask_allows(tails[i + 2], w[i]))
                kept[i] |= EDIT_SWAP_KEPT;
            sub[i] |= heads[i] & tails[i + 1];
        }
        for (i = 0; i <= n; i++)
            ins[i] |= heads[i] & tails[i];
    }
}

/* Check and read one target: its container (a set, frozenset or dict) and filter (None or
 * edit_filter's bytes), its found set made. 0, or -1 with an exception set. */
static int
edit_target_of(struct edit_target *t, PyObject *container, PyObject *filter, const char *name)
{
    t->container = container;
    t->out = NULL;
    t->bits = NULL;
    t->nbits = 0;
    t->heads = t->tails = NULL;
    t->shift = 64;
    t->is_dict = PyDict_Check(container);
    t->table = PyObject_TypeCheck(container, word_table_type) ? (const WordTableObject *)container : NULL;
    if (!t->is_dict && t->table == NULL && !PyAnySet_Check(container)) {
        PyErr_Format(PyExc_TypeError, "%s: the container must be a set, frozenset, dict or WordTable", name);
        return -1;
    }
    if (PyTuple_Check(filter) && PyTuple_GET_SIZE(filter) == 2) { /* (edit_filter's, affix_filter's) */
        PyObject *affixes = PyTuple_GET_ITEM(filter, 1);
        Py_ssize_t slots;
        if (!PyBytes_Check(affixes) || (slots = PyBytes_GET_SIZE(affixes) / (Py_ssize_t)(2 * sizeof(uint32_t))) < 1 ||
            slots < 64 || (slots & (slots - 1)) || PyBytes_GET_SIZE(affixes) != slots * (Py_ssize_t)(2 * sizeof(uint32_t))) {
            PyErr_Format(PyExc_ValueError, "%s: a filter pair's second is affix_filter's bytes", name);
            return -1;
        }
        t->heads = (const uint32_t *)PyBytes_AS_STRING(affixes);
        t->tails = t->heads + slots;
        for (t->shift = 64; slots > 1; slots >>= 1)
            t->shift--;
        filter = PyTuple_GET_ITEM(filter, 0);
    }
    if (filter != Py_None) {
        Py_ssize_t size;
        if (!PyBytes_Check(filter)) {
            PyErr_Format(PyExc_TypeError, "%s: the filter must be edit_filter's bytes", name);
            return -1;
        }
        size = PyBytes_GET_SIZE(filter);
        if (size < 8 || (size & (size - 1))) {
            PyErr_Format(PyExc_ValueError, "%s: the filter must be edit_filter's bytes", name);
            return -1;
        }
        t->bits = (unsigned char *)PyBytes_AS_STRING(filter);
        t->nbits = (unsigned long long)size << 3;
    }
    t->out = PySet_New(NULL);
    return t->out == NULL ? -1 : 0;
}

/* One edit of walk_edits' word: its kind (EDIT_DELETION ...), where it is and the letter it puts. */
enum { EDIT_DELETION, EDIT_SWAP, EDIT_SUBSTITUTION, EDIT_INSERTION };
struct word_edit {
    Py_ssize_t at;
    unsigned char kind;
    char letter;
};

#define EDIT_LIST 1024

/* The most edits a word of n letters has: n deletions, n - 1 swaps, 26 letters at each of its
 * n places and n + 1 gaps. */
#define EDITS_AT_MOST(n) (54 * (n) + 25)

/* Whether the letter c put at i (into w[:i] + c + w[i + skip:], skip 1 for a substitution, 0
 * for an insertion) may make a key of one of `count` targets by their affix tables, a letter
 * further: the opening w[:i] + c followed by the letter after it, the ending c + w[i + skip:]
 * preceded by w[i - 1] (edit_letters asked only for w[:i] followed by c and w[i + skip:]
 * preceded by it). A target without tables may hold any edit. */
static ALWAYS_INLINE int
edit_letter_kept(const struct edit_target *t, Py_ssize_t count, const char *w, Py_ssize_t n, Py_ssize_t i,
                 Py_ssize_t skip, int c, const unsigned long long *opening, const unsigned long long *ending)
{
    unsigned long long head = (opening[i] ^ (unsigned long long)c) * FNV_PRIME;
    unsigned long long tail = (ending[i + skip] ^ (unsigned long long)c) * FNV_PRIME;
    Py_ssize_t k;
    for (k = 0; k < count; k++) {
        if (t[k].heads == NULL)
            return 1;
        if ((i + skip == n || mask_allows(t[k].heads[affix_slot(head, t[k].shift)], w[i + skip])) &&
            (i == 0 || mask_allows(t[k].tails[affix_slot(tail, t[k].shift)], w[i - 1])))
            return 1;
    }
    return 0;
}

/* The edits of the word of n letters that edit_letters leaves (sub, ins, kept) and
 * edit_letter_kept keeps, in one_edit_away's order (deletions, swaps, substitutions,
 * insertions), into `edits` (room for EDITS_AT_MOST(n)): their count. */
static Py_ssize_t
edit_list(const struct edit_target *t, Py_ssize_t count, const char *w, Py_ssize_t n,
          const unsigned long long *opening, const unsigned long long *ending, const uint32_t *sub,
          const uint32_t *ins, const unsigned char *kept, struct word_edit *edits)
{
    Py_ssize_t made = 0, i;
    uint32_t letters;
    int c;
#define EDIT_MADE(kind_, at_, letter_)                                                                                 \
    do {                                                                                                               \
        edits[made].kind = (kind_);                                                                                    \
        edits[made].at = (at_);                                                                                        \
        edits[made].letter = (char)(letter_);                                                                          \
        made++;                                                                                                        \
    } while (0)
    for (i = 0; i < n; i++)
        if (kept[i] & EDIT_DELETION_KEPT)
            EDIT_MADE(EDIT_DELETION, i, 0);
    for (i = 0; i + 1 < n; i++)
        if (kept[i] & EDIT_SWAP_KEPT)
            EDIT_MADE(EDIT_SWAP, i, 0);
    for (i = 0; i < n; i++) {
        letters = sub[i];
        if (w[i] >= 'a' && w[i] <= 'z')
            letters &= ~(1u << (w[i] - 'a'));
        for (; letters; letters &= letters - 1)
            if (edit_letter_kept(t, count, w, n, i, 1, c = 'a' + __builtin_ctz(letters), opening, ending))
                EDIT_MADE(EDIT_SUBSTITUTION, i, c);
    }
    for (i = 0; i <= n; i++)
        for (letters = ins[i]; letters; letters &= letters - 1)
            if (edit_letter_kept(t, count, w, n, i, 0, c = 'a' + __builtin_ctz(letters), opening, ending))
                EDIT_MADE(EDIT_INSERTION, i, c);
#undef EDIT_MADE
    return made;
}

/* The hash of one edit of the word (edit_hash's of the string it makes), from opening[i], the
 * FNV-1a state of the opening w[:i] it shares with the word. */
static inline unsigned long long
word_edit_hash(const struct word_edit *e, const char *w, Py_ssize_t n, const unsigned long long *opening)
{
    Py_ssize_t i = e->at;
    unsigned long long state = opening[i];
    switch (e->kind) {
    case EDIT_DELETION:
        return fnv_mixed(fnv_more(state, w + i + 1, n - i - 1));
    case EDIT_SWAP:
        state = fnv_more(fnv_more(state, w + i + 1, 1), w + i, 1);
        return fnv_mixed(fnv_more(state, w + i + 2, n - i - 2));
    case EDIT_SUBSTITUTION:
        return fnv_mixed(fnv_more((state ^ (unsigned char)e->letter) * FNV_PRIME, w + i + 1, n - i - 1));
    default:
        return fnv_mixed(fnv_more((state ^ (unsigned char)e->letter) * FNV_PRIME, w + i, n - i));
    }
}

/* The string one edit of the word makes, into buf (room for n + 1): its length. */
static Py_ssize_t
word_edit_made(const struct word_edit *e, const char *w, Py_ssize_t n, char *buf)
{
    Py_ssize_t i = e->at;
    switch (e->kind) {
    case EDIT_DELETION:
        memcpy(buf, w, i);
        memcpy(buf + i, w + i + 1, n - i - 1);
        return n - 1;
    case EDIT_SWAP:
        memcpy(buf, w, n);
        buf[i] = w[i + 1];
        buf[i + 1] = w[i];
        return n;
    case EDIT_SUBSTITUTION:
        memcpy(buf, w, n);
        buf[i] = e->letter;
        return n;
    default:
        memcpy(buf, w, i);
        buf[i] = e->letter;
        memcpy(buf + i + 1, w + i, n - i);
        return n + 1;
    }
}

/* Whether an edit of hash h may be in one of `count` targets: a target without a filter may
 * hold any. */
static inline int
edit_may_be_held(const struct edit_target *t, Py_ssize_t count, unsigned long long h)
{
    Py_ssize_t k;
    for (k = 0; k < count; k++)
        if (t[k].bits == NULL || filter_may_hold(t[k].bits, t[k].nbits, h))
            return 1;
    return 0;
}

/* Every edit of the ASCII word (deletions, swaps, substitutions, insertions, in that order, as
 * one_edit_away makes them) looked up in each target. The edits the affix tables rule out are
 * never listed (edit_letters); when a target hashes the edits, all are hashed first, each
 * target's filter word fetched ahead (the filters are read cold, a line an edit), and only an
 * edit some filter may hold is made in the buffer and looked up. 0, or -1 with an exception
 * set. */
static int
walk_edits(PyObject *word, struct edit_target *t, Py_ssize_t count)
{
    const char *w = (const char *)PyUnicode_1BYTE_DATA(word);
    char small[EDIT_BUFFER + 2], *buf = small;
    unsigned long long small_states[2 * (EDIT_BUFFER + 1)], *opening = small_states, *ending;
    uint32_t small_masks[4 * (EDIT_BUFFER + 1)], *masks = small_masks, *sub, *ins;
    unsigned char small_kept[EDIT_BUFFER], *kept = small_kept;
    struct word_edit small_edits[EDIT_LIST], *edits = small_edits;
    unsigned long long small_hashes[EDIT_LIST], *hashes = small_hashes;
    Py_ssize_t n = PyUnicode_GET_LENGTH(word), i, j, k, made;
    int hashing = 0, err = -1;
    if (n > EDIT_BUFFER) {
        buf = PyMem_Malloc(n + 2);
        opening = PyMem_Malloc(2 * (n + 1) * sizeof(unsigned long long));
        masks = PyMem_Malloc(4 * (n + 1) * sizeof(uint32_t));
        kept = PyMem_Malloc(n);
        if (buf == NULL || opening == NULL || masks == NULL || kept == NULL) {
            PyErr_NoMemory();
            goto done;
        }
    }
    /* opening[i]: FNV-1a's state after w[0:i], the opening every edit at i shares with the word;
     * ending[i]: its state after w[i:] read from the last letter, the ending they share */
    ending = opening + n + 1;
    opening[0] = FNV_OFFSET;
    for (i = 0; i < n; i++)
        opening[i + 1] = fnv_more(opening[i], w + i, 1);
    ending[n] = FNV_OFFSET;
    for (i = n; i > 0; i--)
        ending[i - 1] = fnv_more(ending[i], w + i - 1, 1);
    sub = masks + 2 * (n + 1);
    ins = sub + (n + 1);
    edit_letters(t, count, w, n, opening, ending, masks, masks + n + 1, sub, ins, kept);
    if (EDITS_AT_MOST(n) > EDIT_LIST) {
        edits = PyMem_Malloc(EDITS_AT_MOST(n) * sizeof(struct word_edit));
        hashes = PyMem_Malloc(EDITS_AT_MOST(n) * sizeof(unsigned long long));
        if (edits == NULL || hashes == NULL) {
            PyErr_NoMemory();
            goto done;
        }
    }
    made = edit_list(t, count, w, n, opening, ending, sub, ins, kept, edits);
    for (k = 0; k < count; k++)
        hashing |= t[k].bits != NULL || t[k].table != NULL; /* a target that hashes the edits */
    if (hashing)
        for (j = 0; j < made; j++) {
            hashes[j] = word_edit_hash(&edits[j], w, n, opening);
            for (k = 0; k < count; k++)
                if (t[k].bits != NULL)
                    PREFETCH(filter_word(t[k].bits, t[k].nbits, hashes[j]));
        }
    for (j = 0; j < made; j++) {
        Py_ssize_t len;
        if (hashing && !edit_may_be_held(t, count, hashes[j]))
            continue;
        len = word_edit_made(&edits[j], w, n, buf);
        if (edit_lookup(t, count, buf, len, FNV_OFFSET, 0, hashing ? &hashes[j] : NULL) < 0)
            goto done;
    }
    err = 0;
done:
    if (buf != small)
        PyMem_Free(buf);
    if (opening != small_states)
        PyMem_Free(opening);
    if (masks != small_masks)
        PyMem_Free(masks);
    if (kept != small_kept)
        PyMem_Free(kept);
    if (edits != small_edits)
        PyMem_Free(edits);
    if (hashes != small_hashes)
        PyMem_Free(hashes);
    return err;
}

static PyObject *
edits_among(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *word, *container, *filter = Py_None;
    struct edit_target t;
    if (BAD_COUNT(2, 3) || BAD_STR(0))
        return NULL;
    word = args[0], container = args[1], filter = nargs > 2 ? args[2] : Py_None;
    if (edit_target_of(&t, container, filter, "edits_among") < 0)
        return NULL;
    if (!PyUnicode_IS_ASCII(word)) {
        Py_DECREF(t.out);
        PyErr_SetString(PyExc_ValueError, "edits_among: the word must be ASCII");
        return NULL;
    }
    if (walk_edits(word, &t, 1) < 0) {
        Py_DECREF(t.out);
        return NULL;
    }
    return t.out;
}

#define EDIT_TARGETS 8

/* Check an ASCII word and read a list of (container, filter) targets into `t` (at most
 * EDIT_TARGETS), as edits_among_each and swap_inside take them: their count, or -1 with an
 * exception set; `*made` counts the targets whose found set is made, to be released. */
static Py_ssize_t
edit_targets_of(struct edit_target *t, PyObject *word, PyObject *targets, Py_ssize_t *made, const char *name)
{
    Py_ssize_t count = PyList_GET_SIZE(targets), k;
    if (!PyUnicode_IS_ASCII(word)) {
        PyErr_Format(PyExc_ValueError, "%s: the word must be ASCII", name);
        return -1;
    }
    if (count > EDIT_TARGETS) {
        PyErr_Format(PyExc_ValueError, "%s: at most 8 targets", name);
        return -1;
    }
    for (k = 0; k < count; k++) {
        PyObject *pair = PyList_GET_ITEM(targets, k);
        if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
            PyErr_Format(PyExc_TypeError, "%s: each target is a (container, filter) tuple", name);
            return -1;
        }
        if (edit_target_of(&t[k], PyTuple_GET_ITEM(pair, 0), PyTuple_GET_ITEM(pair, 1), name) < 0)
            return -1;
        *made = k + 1;
    }
    return count;
}

/* edits_among_each(word, targets): [edits_among(word, container, filter) for container, filter
 * in targets] (a list of up to EDIT_TARGETS pairs), in one walk over the word's edits: each edit
 * is made and hashed once for all the containers (a capitalised word is looked for among the
 * listed words and the names). Each set gets its strings in the order edits_among adds them. */
static PyObject *
edits_among_each(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *word, *targets, *out = NULL;
    struct edit_target t[EDIT_TARGETS];
    Py_ssize_t count, k, made = 0;
    if (BAD_COUNT(2, 2) || BAD_STR(0) || BAD_TYPE(1, PyList_Check, "list"))
        return NULL;
    word = args[0], targets = args[1];
    if ((count = edit_targets_of(t, word, targets, &made, "edits_among_each")) < 0)
        goto fail;
    if (walk_edits(word, t, count) < 0)
        goto fail;
    out = PyList_New(count);
    if (out == NULL)
        goto fail;
    for (k = 0; k < count; k++)
        PyList_SET_ITEM(out, k, t[k].out); /* the reference handed over */
    return out;
fail:
    for (k = 0; k < made; k++)
        Py_XDECREF(t[k].out);
    return NULL;
}

/* swap_inside(word, targets): whether swapping two different neighbouring letters of the ASCII
 * `word`, from its second letter and leaving its last alone (at i from 1 to len - 3), makes a
 * string one of `targets` holds ((container, filter) pairs, as edits_among_each reads them): the
 * swaps of newslint.native.swap_inside, a typist's habit in a name NL101 finds repeated. Each
 * swap is made in one buffer and its filters asked before a str is made; the first found ends
 * the walk. */
static PyObject *
swap_inside(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *word, *targets, *answer = NULL;
    struct edit_target t[EDIT_TARGETS];
    const char *w;
    char small[EDIT_BUFFER], *buf = small;
    Py_ssize_t count, k, made = 0, n, i;
    if (BAD_COUNT(2, 2) || BAD_STR(0) || BAD_TYPE(1, PyList_Check, "list"))
        return NULL;
    word = args[0], targets = args[1];
    if ((count = edit_targets_of(t, word, targets, &made, "swap_inside")) < 0)
        goto done;
    w = (const char *)PyUnicode_1BYTE_DATA(word);
    n = PyUnicode_GET_LENGTH(word);
    if (n > EDIT_BUFFER && (buf = PyMem_Malloc(n)) == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    memcpy(buf, w, n);
    for (i = 1; i + 2 < n; i++) {
        if (w[i] == w[i + 1])
            continue;
        buf[i] = w[i + 1];
        buf[i + 1] = w[i];
        if (edit_lookup(t, count, buf, n, FNV_OFFSET, 0, NULL) < 0)
            goto done;
        buf[i] = w[i];
        buf[i + 1] = w[i + 1];
        for (k = 0; k < count; k++)
            if (PySet_GET_SIZE(t[k].out))
                break;
        if (k < count)
            break;
    }
    answer = PyBool_FromLong(i + 2 < n);
done:
    if (buf != small)
        PyMem_Free(buf);
    for (k = 0; k < made; k++)
        Py_XDECREF(t[k].out);
    return answer;
}

/* --- NL203's compounds (newslint.native.word_splits): where a word splits into two words --- */

/* word_splits(keys, words): (key, i) for each key (str) of `keys`, in order, and each i from 2 to
 * len(key) - 3 where key[:i] and key[i:] are both in the set `words`, in order of i. */
static PyObject *
word_splits(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *keys, *words, *iter, *key, *out;
    if (BAD_COUNT(2, 2))
        return NULL;
    keys = args[0], words = args[1];
    if (!PyAnySet_Check(words)) {
        PyErr_SetString(PyExc_TypeError, "word_splits: words must be a set");
        return NULL;
    }
    out = PyList_New(0);
    if (out == NULL)
        return NULL;
    iter = PyObject_GetIter(keys);
    if (iter == NULL) {
        Py_DECREF(out);
        return NULL;
    }
    while ((key = PyIter_Next(iter)) != NULL) {
        Py_ssize_t i, n;
        if (!PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "word_splits: the keys must be str");
            goto fail;
        }
        n = PyUnicode_GET_LENGTH(key);
        for (i = 2; i < n - 2; i++) {
            PyObject *part = PyUnicode_Substring(key, 0, i), *pair;
            int found;
            if (part == NULL)
                goto fail;
            found = PySet_Contains(words, part);
            Py_DECREF(part);
            if (found == 1) {
                part = PyUnicode_Substring(key, i, n);
                if (part == NULL)
                    goto fail;
                found = PySet_Contains(words, part);
                Py_DECREF(part);
            }
            if (found < 0)
                goto fail;
            if (found == 0)
                continue;
            pair = Py_BuildValue("(On)", key, i);
            if (pair == NULL)
                goto fail;
            found = PyList_Append(out, pair);
            Py_DECREF(pair);
            if (found < 0)
                goto fail;
        }
        Py_DECREF(key);
    }
    Py_DECREF(iter);
    if (PyErr_Occurred()) {
        Py_DECREF(out);
        return NULL;
    }
    return out;
fail:
    Py_DECREF(key);
    Py_DECREF(iter);
    Py_DECREF(out);
    return NULL;
}

/* compound_splits(words, joined, shortest, longest): word_splits over a story's words of letters
 * only (str.isalpha) as written, their lowercase made here: (splits, closed) where splits lists
 * (key, i) for each key that is the lowercase of a closed form among them (shortest to longest
 * letters, no capital after the first) and each i from 2 to len(key) - 3 where key[:i] and key[i:]
 * are the lowercase of words of letters, and closed is the set of the strings of `joined` that are
 * the lowercase of a closed form. `words`: a set, a dict's keys (a story's word counts: its
 * other words are passed over here, no set of its words of letters made), or a list (the token
 * index's distinct texts: the same words of letters, read without PyDict_Next; a word twice is
 * one form). None when a word of
 * letters is not ASCII (the caller then lowers them in Python): most stories are ASCII, and their
 * parts are looked up here without a string made for each; with a fifth argument true, such words
 * are passed over instead, and the answer is that of the ASCII words alone (a big file holds a
 * few: the caller weighs them). The order of the splits is not word_splits' (a caller reads them
 * into sets). */
typedef struct {
    const char *at; /* the lowercase letters */
    Py_ssize_t n;
    Py_uhash_t hash;
    int closed;
} LowerSlot;

/* The lowercase forms, each once, and an open-addressed index of them: a slot holds a form's
 * number + 1, 0 when free (a table of 4-byte slots to zero, not of the forms themselves). */
typedef struct {
    LowerSlot *forms;
    uint32_t *slots;
    Py_ssize_t mask;
    uint32_t *lengths; /* per first two letters (`lower_pair`): the forms' lengths (`lower_length_bit`) */
    uint32_t *ends;    /* per last two letters: the same */
} LowerTable;

/* The 26 x 26 pairs of a form's first two letters (a-z), for `add_splits` to pass over a part
 * no form of its length opens with: a story's forms are a few hundred, and most splits of a
 * closed form have no word of letters for their first part. */
#define LOWER_PAIRS (26 * 26)
static ALWAYS_INLINE Py_ssize_t
lower_pair(const char *at)
{
    return (Py_ssize_t)(at[0] - 'a') * 26 + (at[1] - 'a');
}

/* A length's bit in `LowerTable.lengths`: lengths from 31 on share the last (32-bit masks:
 * the table zeroed each call is 2.7 KB). */
#define LOWER_LAST_LENGTH 31
static ALWAYS_INLINE uint32_t
lower_length_bit(Py_ssize_t n)
{
    return 1U << (n < LOWER_LAST_LENGTH ? n : LOWER_LAST_LENGTH);
}

/* The slot where s[:n] (its word_hash `hash`) is, or the free slot where it would go. */
static ALWAYS_INLINE uint32_t *
lower_slot(const LowerTable *t, const char *s, Py_ssize_t n, Py_uhash_t hash)
{
    Py_ssize_t j = (Py_ssize_t)(hash & (Py_uhash_t)t->mask);
    while (t->slots[j] != 0) {
        const LowerSlot *form = &t->forms[t->slots[j] - 1];
        if (form->hash == hash && form->n == n
            && same_bytes((const unsigned char *)form->at, (const unsigned char *)s, n))
            break;
        j = (j + 1) & t->mask;
    }
    return &t->slots[j];
}

/* The lowercase of an ASCII letter, 0 for any other ASCII character: `lower_letters`' one read
 * a letter both tests and lowers. */
/* The entries of a table of 128 that give each ASCII letter its lowercase (LOWER_LETTER, ROUGH_KEY). */
#define LOWERED_LETTERS                                                                                                \
    ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f', ['G'] = 'g', ['H'] = 'h',           \
    ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n', ['O'] = 'o', ['P'] = 'p',           \
    ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't', ['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x',           \
    ['Y'] = 'y', ['Z'] = 'z', ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f',           \
    ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n',           \
    ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't', ['u'] = 'u', ['v'] = 'v',           \
    ['w'] = 'w', ['x'] = 'x', ['y'] = 'y', ['z'] = 'z'

static const unsigned char LOWER_LETTER[128] = {LOWERED_LETTERS};

/* An ASCII word's lowercase written to `to` a letter at a time, in the one pass that tests it:
 * -1 if it is not letters only (str.isalpha; none at all is not), else whether it is a closed
 * form (shortest to longest letters, no capital after the first; a lone capital is neither
 * lowercase nor capital-then-lowercase). A letter is read, tested and lowered from
 * `LOWER_LETTER`: a capital is a letter its lowercase is not. For words of under four letters,
 * and where `lower_8` cannot read eight at a time. */
static ALWAYS_INLINE int
lower_letters_1(const Py_UCS1 *s, Py_ssize_t n, char *to, Py_ssize_t shortest, Py_ssize_t longest)
{
    Py_ssize_t i;
    int capital = 0; /* a capital after the first letter */
    Py_UCS1 c;
    if (n == 0 || (c = LOWER_LETTER[s[0]]) == 0)
        return -1;
    to[0] = (char)c;
    for (i = 1; i < n; i++) {
        c = LOWER_LETTER[s[i]];
        if (c == 0)
            return -1;
        capital |= c != s[i];
        to[i] = (char)c;
    }
    return shortest <= n && n <= longest && !capital && !(n == 1 && s[0] <= 'Z');
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define LOWER_8 1
#define BYTES_OF(b) ((uint64_t)(b) * 0x0101010101010101ULL)

/* Eight ASCII characters (each below 128) in one uint64: whether all are letters; their
 * lowercase to *low, and 0x20 in each byte that is a capital to *capitals. A character is a
 * letter exactly when it or'd with 0x20 is a lowercase letter ('@' and '[' to '_' become no
 * letter), and no byte's sum below carries into the next (0x7f + 0x1f < 0x100). */
static ALWAYS_INLINE int
lower_8(uint64_t v, uint64_t *low, uint64_t *capitals)
{
    uint64_t l = v | BYTES_OF(0x20);
    uint64_t from_a = l + BYTES_OF(0x80 - 'a'), past_z = l + BYTES_OF(0x7f - 'z');
    *low = l;
    *capitals = v ^ l;
    return (from_a & ~past_z & BYTES_OF(0x80)) == BYTES_OF(0x80);
}
#endif

/* `lower_letters_1`, eight letters at a time where it can (a story's words are a few letters
 * each: a letter at a time took about nine instructions a letter), by loads and stores inside
 * the word (a word of four to seven letters read as two overlapping halves, a longer one's
 * last eight overlapping the eight before). The first letter's byte (the lowest) is left out of
 * the capitals that make a word no closed form. */
static ALWAYS_INLINE int
lower_letters(const Py_UCS1 *s, Py_ssize_t n, char *to, Py_ssize_t shortest, Py_ssize_t longest)
{
#ifdef LOWER_8
    uint64_t low, capitals, after_first;
    if (n >= 8) {
        Py_ssize_t o;
        uint64_t last_low, last_capitals;
        if (!lower_8(load_8(s), &low, &capitals))
            return -1;
        after_first = capitals & ~(uint64_t)0xff;
        memcpy(to, &low, 8);
        for (o = 8; o + 8 < n; o += 8) {
            if (!lower_8(load_8(s + o), &low, &capitals))
                return -1;
            after_first |= capitals;
            memcpy(to + o, &low, 8);
        }
        if (!lower_8(load_8(s + n - 8), &last_low, &last_capitals))
            return -1;
        after_first |= n == 8 ? last_capitals & ~(uint64_t)0xff : last_capitals;
        memcpy(to + n - 8, &last_low, 8);
    }
    else if (n >= 4) { /* s[0:4] low, s[n-4:n] high: s[0] twice when n is 4 */
        uint32_t half;
        if (!lower_8(load_4(s) | load_4(s + n - 4) << 32, &low, &capitals))
            return -1;
        after_first = capitals & (n == 4 ? ~(uint64_t)0xff000000ffULL : ~(uint64_t)0xff);
        half = (uint32_t)low;
        memcpy(to, &half, 4);
        half = (uint32_t)(low >> 32);
        memcpy(to + n - 4, &half, 4);
    }
    else
        return lower_letters_1(s, n, to, shortest, longest);
    return shortest <= n && n <= longest && !after_first;
#else
    return lower_letters_1(s, n, to, shortest, longest);
#endif
}

/* Whether the table may hold a form k[:n] of two letters or more (lowercase letters): one of
 * its forms of that length opens with k's first two letters and one ends with its last two
 * (`LowerTable.lengths` and `ends`). No form the table holds is ruled out. */
static ALWAYS_INLINE int
lower_may_hold(const LowerTable *t, const char *k, Py_ssize_t n)
{
    uint32_t bit = lower_length_bit(n);
    return (t->lengths[lower_pair(k)] & bit) && (t->ends[lower_pair(k + n - 2)] & bit);
}

/* Whether split i of a closed form `key` (k[:i], two letters or more, and k[i:], three or more)
 * may be two forms of the table (`lower_may_hold`): most are ruled out unhashed. */
static ALWAYS_INLINE int
split_may_hold(const LowerTable *t, const LowerSlot *key, Py_ssize_t i)
{
    return lower_may_hold(t, key->at, i) && lower_may_hold(t, key->at + i, key->n - i);
}

/* The splits of a closed form `key` into two forms of the table, k[:i] (two letters or more)
 * and k[i:] (three or more), appended to `out` as (key, i). A split whose parts the table's
 * lengths by first and last two letters rule out (`split_may_hold`: most) is passed over with
 * no hash made or slot read. */
static ALWAYS_INLINE int
add_split(PyObject *out, const LowerTable *t, const LowerSlot *key, Py_ssize_t i, PyObject **text)
{
    const char *k = key->at;
    Py_ssize_t n = key->n;
    PyObject *pair;
    if (!split_may_hold(t, key, i)
        || *lower_slot(t, k, i, word_hash((const unsigned char *)k, i)) == 0
        || *lower_slot(t, k + i, n - i, word_hash((const unsigned char *)k + i, n - i)) == 0)
        return 0;
    if (*text == NULL && (*text = PyUnicode_DecodeASCII(k, n, NULL)) == NULL)
        return -1;
    pair = Py_BuildValue("(On)", *text, i);
    if (pair == NULL || PyList_Append(out, pair) < 0) {
        Py_XDECREF(pair);
        return -1;
    }
    Py_DECREF(pair);
    return 0;
}

/* The lengths of k[:i] that a closed form's splits may have, i from 2 to n - 3, as bits: those
 * of the table's forms that open with its first two letters (none under five letters). */
static ALWAYS_INLINE uint32_t
split_firsts(const LowerTable *t, const LowerSlot *key)
{
    Py_ssize_t n = key->n;
    uint32_t firsts;
    if (n < 5)
        return 0;
    firsts = t->lengths[lower_pair(key->at)] & ~3U;
    if (n - 3 < LOWER_LAST_LENGTH)
        firsts &= (2U << (n - 3)) - 1;
    return firsts;
}

/* Whether some split of a closed form may be two forms of the table (`split_may_hold`), read
 * before the table is hashed: where no closed form's may (most stories), none is looked up.
 * The splits `add_splits` walks; lengths from LOWER_LAST_LENGTH on share a bit, and may. */
static int
may_split(const LowerTable *t, const LowerSlot *key)
{
    Py_ssize_t i;
    uint32_t firsts = split_firsts(t, key);
    while (firsts) {
        i = __builtin_ctz(firsts);
        firsts &= firsts - 1;
        if (i >= LOWER_LAST_LENGTH || split_may_hold(t, key, i))
            return 1;
    }
    return 0;
}

static int
add_splits(PyObject *out, const LowerTable *t, const LowerSlot *key)
{
    PyObject *text = NULL;
    Py_ssize_t i, n = key->n;
    uint32_t firsts = split_firsts(t, key); /* the lengths of k[:i] to look up */
    while (firsts) {
        i = __builtin_ctz(firsts);
        firsts &= firsts - 1;
        if (i < LOWER_LAST_LENGTH && add_split(out, t, key, i, &text) < 0)
            goto fail;
        for (; i >= LOWER_LAST_LENGTH && i < n - 2; i++) /* the lengths that share the last bit */
            if (add_split(out, t, key, i, &text) < 0)
                goto fail;
    }
    Py_XDECREF(text);
    return 0;
fail:
    Py_XDECREF(text);
    return -1;
}

static int
letters_only(PyObject *word)
{
    int kind = PyUnicode_KIND(word);
    const void *data = PyUnicode_DATA(word);
    Py_ssize_t i, n = PyUnicode_GET_LENGTH(word);
    for (i = 0; i < n; i++)
        if (!Py_UNICODE_ISALPHA(PyUnicode_READ(kind, data, i)))
            return 0;
    return n > 0;
}

/* The next word of `words` (a set, a dict or a list), borrowed: 1, or 0 at the end. A list's
 * items and a dict's keys are read in place (no iterator to step; a list's without
 * PyDict_Next's call, about fifty instructions a word), a set's through `iter`. */
static int
next_word(PyObject *words, PyObject *iter, Py_ssize_t *pos, PyObject **word)
{
    PyObject *item;
    if (PyList_CheckExact(words)) {
        if (*pos >= PyList_GET_SIZE(words))
            return 0;
        *word = PyList_GET_ITEM(words, *pos);
        ++*pos;
        return 1;
    }
    if (iter == NULL)
        return PyDict_Next(words, pos, word, NULL);
    if ((item = PyIter_Next(iter)) == NULL)
        return 0;
    Py_DECREF(item); /* the set holds it, and no Python code runs here */
    *word = item;
    return 1;
}

/* What `compound_splits` holds on the stack (about 22 KB) rather than allocates: its words,
 * their forms and lowercase letters, and its table's slots. A story's distinct words are a
 * few hundred, so most fit; a big file's are allocated. */
#define CS_SMALL_WORDS 256
#define CS_SMALL_LETTERS 2048
#define CS_SMALL_SLOTS 1024

/* The table's `count` forms hashed and indexed, each lowercase form once (the first, closed if
 * one of its words is), in slots on the stack (`small`, CS_SMALL_SLOTS) where they fit: the
 * number of distinct forms, now the first of `t->forms`, or -1 with an error set. */
static Py_ssize_t
lower_index(LowerTable *t, Py_ssize_t count, uint32_t *small)
{
    Py_ssize_t size = 8, i, j;
    for (j = 0; j < count; j++)
        t->forms[j].hash = word_hash((const unsigned char *)t->forms[j].at, t->forms[j].n);
    while (size < 2 * count)
        size *= 2;
    t->mask = size - 1;
    if (size <= CS_SMALL_SLOTS) { /* a story's table (most): on the stack, zeroed as far as used */
        memset(small, 0, (size_t)size * sizeof *small);
        t->slots = small;
    }
    else if ((t->slots = PyMem_Calloc(size, sizeof *t->slots)) == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (i = 0, j = 0; j < count; j++) { /* each lowercase form once, closed if one of its words is */
        LowerSlot *form = &t->forms[j];
        uint32_t *slot = lower_slot(t, form->at, form->n, form->hash);
        if (*slot == 0) {
            t->forms[i] = *form;
            *slot = (uint32_t)++i;
        }
        else
            t->forms[*slot - 1].closed |= form->closed;
    }
    return i;
}

/* Whether s[:n] (ASCII) may be one of the table's forms (`lower_may_hold`): a string of under
 * two characters may; one whose first or last two are not lowercase letters is none. */
static int
lower_may_be_form(const LowerTable *t, const char *s, Py_ssize_t n)
{
    if (n < 2)
        return 1;
    if (!IS_ASCII_LOWER(s[0]) || !IS_ASCII_LOWER(s[1]) || !IS_ASCII_LOWER(s[n - 2]) || !IS_ASCII_LOWER(s[n - 1]))
        return 0;
    return lower_may_hold(t, s, n);
}

static PyObject *
compound_splits(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *words, *joined, *iter = NULL, *item, *splits = NULL, *closed = NULL, *out = NULL;
    PyObject **held = NULL, *small_held[CS_SMALL_WORDS];
    uint32_t small_slots[CS_SMALL_SLOTS];
    LowerSlot small_forms[CS_SMALL_WORDS];
    char small_lower[CS_SMALL_LETTERS];
    uint32_t lengths[LOWER_PAIRS], ends[LOWER_PAIRS];
    LowerTable table = {NULL, NULL, 0, lengths, ends};
    char *lower = NULL;
    Py_ssize_t shortest, longest, count, total = 0, i, j, used = 0, pos = 0;
    int ascii_only; /* the words of letters that are not ASCII passed over, not answered with None */
    if (BAD_COUNT(4, 5) || BAD_SSIZE(2, shortest) || BAD_SSIZE(3, longest))
        return NULL;
    if ((ascii_only = nargs > 4 ? PyObject_IsTrue(args[4]) : 0) < 0)
        return NULL;
    words = args[0], joined = args[1];
    if (Py_IS_TYPE(words, word_counts_type)) /* (the index's word counts: their list of words) */
        words = ((const WordCounts *)words)->words;
    /* a list first (the token index's, most calls): PyAnySet_Check of another type asks
     * PyType_IsSubtype */
    if (!PyList_CheckExact(words) && !PyAnySet_Check(words) && !PyDict_Check(words)) {
        PyErr_SetString(PyExc_TypeError, "compound_splits: words must be a set, a dict or a list");
        return NULL;
    }
    count = PyList_CheckExact(words) ? PyList_GET_SIZE(words)
            : PyAnySet_Check(words)  ? PySet_GET_SIZE(words)
                                     : PyDict_GET_SIZE(words);
    held = count <= CS_SMALL_WORDS ? small_held : PyMem_Malloc((count ? count : 1) * sizeof *held);
    if (held == NULL)
        return PyErr_NoMemory();
    if (!PyList_CheckExact(words) && PyAnySet_Check(words) && (iter = PyObject_GetIter(words)) == NULL)
        goto done;
    /* the ASCII words, borrowed (the set or dict holds them, and no Python code runs here) */
    for (i = 0, j = 0; j < count && next_word(words, iter, &pos, &item); j++) {
        if (!PyUnicode_Check(item)) {
            PyErr_SetString(PyExc_TypeError, "compound_splits: the words must be str");
            goto done;
        }
        if (!PyUnicode_IS_ASCII(item)) {
            if (ascii_only || !letters_only(item))
                continue;
            out = Py_NewRef(Py_None);
            goto done;
        }
        held[i++] = item;
        total += PyUnicode_GET_LENGTH(item);
    }
    Py_CLEAR(iter);
    if (PyErr_Occurred())
        goto done;
    lower = total <= CS_SMALL_LETTERS ? small_lower : PyMem_Malloc(total ? total : 1);
    table.forms = i <= CS_SMALL_WORDS ? small_forms : PyMem_Malloc((i ? i : 1) * sizeof *table.forms);
    if (lower == NULL || table.forms == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    memset(lengths, 0, sizeof lengths);
    memset(ends, 0, sizeof ends);
    for (count = 0, j = 0; j < i; j++) { /* the words of letters only, lowered */
        const Py_UCS1 *s = PyUnicode_1BYTE_DATA(held[j]);
        Py_ssize_t n = PyUnicode_GET_LENGTH(held[j]);
        int kind = lower_letters(s, n, lower + used, shortest, longest);
        if (kind < 0)
            continue;
        if (n >= 2) {
            lengths[lower_pair(lower + used)] |= lower_length_bit(n);
            ends[lower_pair(lower + used + n - 2)] |= lower_length_bit(n);
        }
        table.forms[count].at = lower + used, table.forms[count].n = n, table.forms[count].closed = kind;
        count++;
        used += n;
    }
    if ((splits = PyList_New(0)) == NULL || (closed = PySet_New(NULL)) == NULL)
        goto done;
    /* the forms hashed and indexed only where a split may be two of them: a closed form met
     * twice is tested twice here, once in the table (which keeps each form once) */
    for (j = 0; j < count; j++)
        if (table.forms[j].closed && may_split(&table, &table.forms[j]))
            break;
    if (j < count) {
        if ((i = lower_index(&table, count, small_slots)) < 0)
            goto done;
        for (j = 0; j < i; j++) /* the distinct forms (`i` of them), not the table's slots */
            if (table.forms[j].closed && add_splits(splits, &table, &table.forms[j]) < 0)
                goto done;
    }
    if ((iter = PyObject_GetIter(joined)) == NULL)
        goto done;
    while ((item = PyIter_Next(iter)) != NULL) {
        int err = 0;
        if (!PyUnicode_Check(item)) {
            PyErr_SetString(PyExc_TypeError, "compound_splits: the joined forms must be str");
            err = -1;
        }
        else if (PyUnicode_IS_ASCII(item)) { /* the lowercase of an ASCII word is ASCII */
            const char *s = (const char *)PyUnicode_1BYTE_DATA(item);
            Py_ssize_t n = PyUnicode_GET_LENGTH(item);
            if (lower_may_be_form(&table, s, n)) {
                uint32_t slot;
                if (table.slots == NULL && lower_index(&table, count, small_slots) < 0)
                    err = -1;
                else if ((slot = *lower_slot(&table, s, n, word_hash((const unsigned char *)s, n))) != 0 &&
                         table.forms[slot - 1].closed)
                    err = PySet_Add(closed, item);
            }
        }
        Py_DECREF(item);
        if (err < 0)
            goto done;
    }
    if (!PyErr_Occurred())
        out = PyTuple_Pack(2, splits, closed);
done:
    Py_XDECREF(iter);
    Py_XDECREF(splits);
    Py_XDECREF(closed);
    if (held != small_held)
        PyMem_Free(held);
    if (lower != small_lower)
        PyMem_Free(lower);
    if (table.forms != small_forms)
        PyMem_Free(table.forms);
    if (table.slots != small_slots)
        PyMem_Free(table.slots);
    return out;
}

/* counts[form] += uses (counts a dict; `uses` added to the old value with +): 0, or -1 with an
 * exception set. A new form (most of a story's) is set in one lookup, PyDict_SetDefault's (the
 * dict grew: told by its size, as the value it gives back may be a small int equal to `uses`). */
static int
add_uses(PyObject *counts, PyObject *form, PyObject *uses)
{
    Py_ssize_t size = PyDict_GET_SIZE(counts);
    PyObject *old = PyDict_SetDefault(counts, form, uses), *sum; /* borrowed */
    int err;
    if (old == NULL)
        return -1;
    if (PyDict_GET_SIZE(counts) != size)
        return 0;
    sum = PyNumber_Add(old, uses);
    if (sum == NULL)
        return -1;
    err = PyDict_SetItem(counts, form, sum);
    Py_DECREF(sum);
    return err;
}

/* A str of ASCII letters only, not empty: 1 when all are lowercase (str.isascii(), isalpha() and
 * islower()), 2 when some are capitals (isascii() and isalpha() alone), else 0. */
static int
ascii_letters(PyObject *word)
{
    const Py_UCS1 *c;
    Py_ssize_t i, n;
    int upper = 0;
    if (!PyUnicode_CheckExact(word) || !PyUnicode_IS_ASCII(word))
        return 0;
    c = PyUnicode_1BYTE_DATA(word);
    n = PyUnicode_GET_LENGTH(word);
    for (i = 0; i < n; i++) {
        if (c[i] >= 'A' && c[i] <= 'Z')
            upper = 1;
        else if (c[i] < 'a' || c[i] > 'z')
            return 0;
    }
    return n == 0 ? 0 : 1 + upper;
}

/* counts[word.lower()] += uses, for a word of ASCII letters alone with a capital among them. */
static int
add_lowercase_uses(PyObject *counts, PyObject *word, PyObject *uses)
{
    PyObject *lower = ascii_lowered(word, SHAPE_MIXED);  /* any shape but lowercase: a copy */
    int err;
    if (lower == NULL)
        return -1;
    err = add_uses(counts, lower, uses);
    Py_DECREF(lower);
    return err;
}

/* add_forms(counts, word_counts, memo, make, limit): for each word of `word_counts` (a dict or a WordCounts)
 * (word -> uses), in order, the tuple of forms it is counted as, memo[word] (made by calling
 * make(word) when missing, the memo cleared first when it holds `limit` words), each form's
 * count in the dict `counts` raised by the word's uses: NL1's story counts (newslint.native).
 * A word of ASCII letters alone (most of a story's words) is counted as its lowercase form (itself,
 * for most), without the memo: `make` must give it so (a memo lookup is a cache miss, and a new
 * name's miss a call of `make`: 3,300 calls in the 532-story sample). */
static PyObject *
add_forms(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *counts, *word_counts, *memo, *make, *word, *uses;
    Py_ssize_t limit, pos = 0;
    if (BAD_COUNT(5, 5) || BAD_TYPE(0, PyDict_Check, "dict") || BAD_TYPE(1, is_counts, "dict") ||
        BAD_TYPE(2, PyDict_Check, "dict") || BAD_SSIZE(4, limit))
        return NULL;
    counts = args[0], word_counts = args[1], memo = args[2], make = args[3];
    while (counts_next(word_counts, &pos, &word, &uses)) {
        PyObject *forms;
        Py_ssize_t i;
        int letters = ascii_letters(word);
        if (letters) {
            if ((letters == 1 ? add_uses(counts, word, uses) : add_lowercase_uses(counts, word, uses)) < 0)
                return NULL;
            continue;
        }
        forms = PyDict_GetItemWithError(memo, word); /* borrowed: the memo holds it */
        if (forms == NULL) {
            int err;
            if (PyErr_Occurred())
                return NULL;
            if (PyDict_GET_SIZE(memo) >= limit)
                PyDict_Clear(memo);
            forms = PyObject_CallOneArg(make, word);
            if (forms == NULL)
                return NULL;
            if (!PyTuple_Check(forms)) {
                Py_DECREF(forms);
                PyErr_SetString(PyExc_TypeError, "add_forms: make must return a tuple");
                return NULL;
            }
            err = PyDict_SetItem(memo, word, forms);
            Py_DECREF(forms);
            if (err < 0)
                return NULL;
        }
        else if (!PyTuple_Check(forms)) {
            PyErr_SetString(PyExc_TypeError, "add_forms: the memo must hold tuples");
            return NULL;
        }
        Py_INCREF(forms); /* held while counts' keys are compared (user code could clear the memo) */
        for (i = 0; i < PyTuple_GET_SIZE(forms); i++) {
            if (add_uses(counts, PyTuple_GET_ITEM(forms, i), uses) < 0) {
                Py_DECREF(forms);
                return NULL;
            }
        }
        Py_DECREF(forms);
    }
    Py_RETURN_NONE;
}

/* Format '(dd...)': a sequence of `count` floats (anything float() takes without a str), as
 * PyArg_ParseTuple read weighted_osa's costs. */
static int
doubles_arg(const char *name, PyObject *const *args, Py_ssize_t i, double *out, Py_ssize_t count)
{
    PyObject *seq = args[i], *item;
    Py_ssize_t k, size;
    if (!PySequence_Check(seq) || PyBytes_Check(seq)) {
        PyErr_Format(PyExc_TypeError, "%s() argument %zd must be %zd-item sequence, not %.50s", name, i + 1, count,
                     seq == Py_None ? "None" : Py_TYPE(seq)->tp_name);
        return -1;
    }
    size = PySequence_Size(seq);
    if (size != count) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "%s() argument %zd must be sequence of length %zd, not %zd", name, i + 1,
                     count, size);
        return -1;
    }
    for (k = 0; k < count; k++) {
        item = PyTuple_CheckExact(seq) ? Py_NewRef(PyTuple_GET_ITEM(seq, k)) : PySequence_GetItem(seq, k);
        if (item == NULL) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "%s() argument %zd: item %zd is not retrievable", name, i + 1, k + 1);
            return -1;
        }
        out[k] = PyFloat_AsDouble(item);
        Py_DECREF(item);
        if (out[k] == -1.0 && PyErr_Occurred())
            return -1;
    }
    return 0;
}

/* weighted_osa(typo, word, sub, near, values, costs): the cheapest sequence of slips turning the
 * ASCII `word` into the ASCII `typo` (an optimal string alignment: substitutions, deletions,
 * insertions, swaps of two different neighbours), with a surcharge when the first letters differ.
 * `sub` (bytes, 128 x 128): the index into `values` (floats) of the cost of typing [typed] for
 * [meant] at sub[meant * 128 + typed]; `near` (bytes, 128 x 128): 1 where two keys touch;
 * `costs`: (an inserted letter equal to a neighbour, one touching a neighbour, any other; a
 * deleted letter equal to a neighbour, any other; a swap; another first letter). Each cell of the
 * DP is the least of the sums the Python `_slip_cost` of rules/typos/_context.py makes for it
 * (osa_cost), so the costs are the same doubles. */
#define OSA_SMALL 32

/* weighted_osa's costs, read from its arguments once: the substitutions' cost indices and which
 * keys touch (128 x 128 bytes each), the values the indices name, and the seven other costs. */
typedef struct {
    const char *sub, *near;
    double vals[256]; /* an index past the values reads 0 */
    double ins_same, ins_near, ins_other, del_same, del_other, swap, first;
} OsaCosts;

/* The costs of args[at .. at + 3] (sub, near, values, costs) into *c: 0, or -1 with an error set.
 * The types of sub and values are checked by the caller. */
static int
osa_costs_of(const char *name, PyObject *const *args, Py_ssize_t at, OsaCosts *c)
{
    Py_ssize_t i, nvalues;
    double costs[7];
    PyObject *values = args[at + 2];
    if (doubles_arg(name, args, at + 3, costs, 7) < 0)
        return -1;
    c->sub = PyBytes_AS_STRING(args[at]);
    c->near = PyBytes_AS_STRING(args[at + 1]);
    if (PyBytes_GET_SIZE(args[at]) != 128 * 128 || PyBytes_GET_SIZE(args[at + 1]) != 128 * 128 ||
        PyTuple_GET_SIZE(values) > 256) {
        PyErr_Format(PyExc_ValueError, "%s: sub and near are 128 x 128 bytes, values 256 at most", name);
        return -1;
    }
    memset(c->vals, 0, sizeof c->vals);
    nvalues = PyTuple_GET_SIZE(values);
    for (i = 0; i < nvalues; i++) {
        c->vals[i] = PyFloat_AsDouble(PyTuple_GET_ITEM(values, i));
        if (c->vals[i] == -1.0 && PyErr_Occurred())
            return -1;
    }
    c->ins_same = costs[0], c->ins_near = costs[1], c->ins_other = costs[2], c->del_same = costs[3];
    c->del_other = costs[4], c->swap = costs[5], c->first = costs[6];
    return 0;
}

/* The weighted slip cost of the ASCII `word` typed as the ASCII `typo` (weighted_osa's answer):
 * >= 0, or -1 with MemoryError set. The table of _context._slip_cost, filled a row at a time
 * (word[:i] against each typo[:j]), each cell from the cells it is reached from: the diagonal
 * (a letter kept or substituted), the cell above (word[i - 1] left out), the cell to the left
 * (typo[j - 1] typed in extra) and two back on the diagonal (a swap). Each cell's candidates
 * are the twin's doubles (each a sum of the same two), and the least of them is the same
 * whichever is compared first (a cost never falls below +0.0: no -0.0 arises). A cell of
 * infinite cost (not reached), which the twin passes over, is read as it stands: the costs are
 * never negative, so its sums are infinite and lose to any other (or all are, as the twin's
 * cell is then), and every cell is a sum of the one before it, so the first row and column
 * are filled without comparisons. A letter's insertion cost (which reads the typo alone) is
 * reckoned once a column, its deletion cost once a row, where the twin's order reckoned both at
 * every cell; three rows are kept, not the whole table. */
static double
osa_cost(const OsaCosts *c, PyObject *typo, PyObject *word)
{
    const char *sub = c->sub, *near = c->near;
    const double *vals = c->vals;
    double small[4 * (OSA_SMALL + 1)], *rows = small, *prev2, *prev, *cur, *ins, *spare, cost;
    Py_ssize_t n, m, i, j;
    const unsigned char *w, *t;
    w = PyUnicode_1BYTE_DATA(word);
    t = PyUnicode_1BYTE_DATA(typo);
    n = PyUnicode_GET_LENGTH(word);
    m = PyUnicode_GET_LENGTH(typo);
    if (m > OSA_SMALL) {
        rows = PyMem_Malloc(4 * (m + 1) * sizeof(double));
        if (rows == NULL) {
            PyErr_NoMemory();
            return -1.0;
        }
    }
    prev2 = rows, prev = rows + (m + 1), cur = rows + 2 * (m + 1), ins = rows + 3 * (m + 1);
    for (j = 0; j < m; j++) { /* typo[j] typed in extra: a doubled letter, a neighbouring key, another */
        int same = (j > 0 && t[j - 1] == t[j]) || (j + 1 < m && t[j + 1] == t[j]);
        int touch = (j > 0 && near[t[j - 1] * 128 + t[j]]) || (j + 1 < m && near[t[j + 1] * 128 + t[j]]);
        ins[j] = same ? c->ins_same : touch ? c->ins_near : c->ins_other;
    }
    cur[0] = 0.0; /* the first row: the typo's letters typed in extra */
    for (j = 1; j <= m; j++)
        cur[j] = cur[j - 1] + ins[j - 1];
    spare = prev2, prev2 = prev, prev = cur, cur = spare;
    for (i = 1; i <= n; i++) {
        /* word[i - 1] left out: one of a double, or another letter */
        Py_ssize_t k = i - 1;
        int same = (k > 0 && w[k - 1] == w[k]) || (k + 1 < n && w[k + 1] == w[k]);
        double del = same ? c->del_same : c->del_other;
        unsigned char meant = w[i - 1];
        const char *typed_for = sub + meant * 128; /* the substitutions' cost indices for this letter */
        /* a swap of word[i - 2] and word[i - 1] (two different letters) typed at typo[j - 2:j] */
        int swappable = i > 1 && w[i - 2] != meant;
        cur[0] = prev[0] + del;
        for (j = 1; j <= m; j++) {
            unsigned char typed = t[j - 1];
            double best = prev[j - 1] + (meant == typed ? 0.0 : vals[(unsigned char)typed_for[typed]]), v;
            v = prev[j] + del;
            if (v < best)
                best = v;
            v = cur[j - 1] + ins[j - 1];
            if (v < best)
                best = v;
            if (swappable && j > 1 && w[i - 2] == typed && meant == t[j - 2]) {
                v = prev2[j - 2] + c->swap;
                if (v < best)
                    best = v;
            }
            cur[j] = best;
        }
        spare = prev2, prev2 = prev, prev = cur, cur = spare;
    }
    cost = prev[m]; /* the last row filled */
    if (rows != small)
        PyMem_Free(rows);
    if ((n == 0) != (m == 0) || (n > 0 && w[0] != t[0]))
        cost += c->first;
    return cost;
}

static PyObject *
weighted_osa(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    const char *sub, *near;
    Py_ssize_t sub_size, near_size;
    OsaCosts costs;
    double cost;
    if (BAD_COUNT(6, 6) || BAD_STR(0) || BAD_STR(1) || BAD_BYTES(2, sub, sub_size) || BAD_BYTES(3, near, near_size) ||
        BAD_TYPE(4, PyTuple_Check, "tuple") || osa_costs_of(__func__, args, 2, &costs) < 0)
        return NULL;
    if (!PyUnicode_IS_ASCII(args[0]) || !PyUnicode_IS_ASCII(args[1])) {
        PyErr_SetString(PyExc_ValueError, "weighted_osa: the words must be ASCII");
        return NULL;
    }
    cost = osa_cost(&costs, args[0], args[1]);
    return cost < 0 ? NULL : PyFloat_FromDouble(cost);
}

/* A float that a Python callable returns for its arguments (NULL-terminated): 0, or -1 with an
 * error set. *is_none: whether it returned None (then *out is not set); NULL where None is no answer. */
static int
called_double(PyObject *callable, double *out, int *is_none, PyObject *a, PyObject *b)
{
    PyObject *got = b == NULL ? PyObject_CallOneArg(callable, a) : PyObject_CallFunctionObjArgs(callable, a, b, NULL);
    if (got == NULL)
        return -1;
    if (got == Py_None && is_none != NULL) {
        *is_none = 1;
        Py_DECREF(got);
        return 0;
    }
    if (is_none != NULL)
        *is_none = 0;
    *out = PyFloat_AsDouble(got);
    Py_DECREF(got);
    return *out == -1.0 && PyErr_Occurred() ? -1 : 0;
}

/* Pair-table lookups read in the table's bytes in place (rules/typos/_pairs.py's `count`): a
 * miss decoded the first word's whole line (thousands of characters for a common word) to answer
 * one pair. Twin: newslint.native._pair_steps. */
static Py_ssize_t search_lines(const unsigned char *text, Py_ssize_t n, const unsigned char *wanted, Py_ssize_t size,
                               int sep, int mode);

#define PAIR_LONG_LINE 1000 /* past this many bytes an entry is found in its line by binary search */

/* A pair table's bytes and where its lines start (table_line_starts; lines 0: none given). */
typedef struct {
    const unsigned char *text;
    const uint32_t *starts;
    Py_ssize_t n, lines;
} PairTable;

/* Where the table's line `i` starts (as its lines tell; any alignment). */
static Py_ssize_t
line_at(const PairTable *t, Py_ssize_t i)
{
    uint32_t at;
    memcpy(&at, (const char *)t->starts + (size_t)i * sizeof(uint32_t), sizeof at);
    return (Py_ssize_t)at;
}

/* The start of the line whose key (what precedes the first '\t', or the whole line) is `key`,
 * found by halving the table's lines (`starts`), -1 when none is; -2 with a ValueError set when a
 * start is past the text (no index of it). *next: where the next line starts (-1: unknown). Without
 * the index, sorted_line's search (a step of which reads back to its line's start, thousands of
 * bytes in a common word's line). */
static Py_ssize_t
keyed_line(const PairTable *t, const unsigned char *key, Py_ssize_t size, Py_ssize_t *next)
{
    Py_ssize_t lo = 0, hi = t->lines;
    *next = -1;
    if (t->lines == 0)
        return search_lines(t->text, t->n, key, size, '\t', 0);
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2, start = line_at(t, mid), stop, cut, length;
        int order;
        if (start >= t->n) {
            PyErr_SetString(PyExc_ValueError, "a pair table's lines: not the table's");
            return -2;
        }
        stop = t->n - start > size + 1 ? start + size + 1 : t->n;
        for (cut = start; cut < stop && t->text[cut] != '\t' && t->text[cut] != '\n'; cut++)
            ;
        length = cut - start;
        order = memcmp(t->text + start, key, (size_t)(length < size ? length : size));
        if (order == 0)
            order = (length > size) - (length < size);
        if (order == 0) {
            *next = mid + 1 < t->lines ? line_at(t, mid + 1) : -1;
            return start;
        }
        if (order < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* The rest of `key`'s line in a pair table (what follows key and '\t'): [*start, *end) of the
 * text; 0 when no line has the key, 1, or -1 with an error set. */
static int
pair_line(const PairTable *t, const unsigned char *key, Py_ssize_t size, Py_ssize_t *start, Py_ssize_t *end)
{
    const unsigned char *newline, *text = t->text;
    Py_ssize_t n = t->n, next, at = keyed_line(t, key, size, &next);
    if (at < 0)
        return at == -1 ? 0 : -1;
    at = at + size + 1 > n ? n : at + size + 1;
    *start = at;
    if (next > at && next <= n && text[next - 1] == '\n') { /* the line's end, as its lines tell */
        *end = next - 1;
        return 1;
    }
    newline = memchr(text + at, '\n', (size_t)(n - at));
    *end = newline == NULL ? n : newline - text;
    return 1;
}

/* The last `c` in line[lo:hi) (an offset into line), or -1. */
static Py_ssize_t
last_byte(const unsigned char *line, Py_ssize_t lo, Py_ssize_t hi, int c)
{
    for (; hi > lo; hi--)
        if (line[hi - 1] == c)
            return hi - 1;
    return -1;
}

/* The first `c` in line[from:n), Python's bytes.find: from < 0 counts from the end. -1 for none. */
static Py_ssize_t
first_byte(const unsigned char *line, Py_ssize_t n, Py_ssize_t from, int c)
{
    const unsigned char *at;
    if (from < 0)
        from = from + n < 0 ? 0 : from + n;
    if (from >= n)
        return -1;
    at = memchr(line + from, c, (size_t)(n - from));
    return at == NULL ? -1 : at - line;
}

/* Where the count of `second`'s entry is in a pair-table line's rest `line` (n bytes): [*vs, *ve),
 * or 0 when the line holds no such entry. A long line is searched as the twin's `_entry_of`
 * searches it (its steps, in bytes), a short one for " second:" as bytes.find finds it. */
static int
pair_in_line(const unsigned char *line, Py_ssize_t n, const unsigned char *second, Py_ssize_t m, Py_ssize_t *vs,
             Py_ssize_t *ve)
{
    Py_ssize_t at, end;
    if (n > PAIR_LONG_LINE && m > 0 && memchr(second, ' ', (size_t)m) == NULL && memchr(second, ':', (size_t)m) == NULL) {
        Py_ssize_t lo = n > 0 && line[0] == ' ', hi = n;
        while (lo < hi) {
            Py_ssize_t mid = (lo + hi) / 2, start, colon, key_end, length, k;
            int order;
            start = last_byte(line, lo, mid, ' ');
            start = start >= 0 ? start + 1 : lo;
            colon = first_byte(line, n, start, ':');
            end = first_byte(line, n, colon, ' '); /* from n - 1 where colon is -1, as bytes.find */
            if (end < 0)
                end = n;
            key_end = colon < 0 ? n - 1 : colon; /* line[start:-1] */
            length = key_end > start ? key_end - start : 0;
            k = length < m ? length : m;
            order = memcmp(line + start, second, (size_t)k);
            if (order == 0)
                order = (length > m) - (length < m);
            if (order == 0) {
                *vs = colon + 1, *ve = end > colon + 1 ? end : colon + 1; /* line[colon + 1:end] */
                return 1;
            }
            if (order < 0)
                lo = end + 1;
            else
                hi = start;
        }
        return 0;
    }
    for (at = 0; at + m + 2 <= n; at++) { /* the first " second:" */
        const unsigned char *space = memchr(line + at, ' ', (size_t)(n - m - 1 - at));
        if (space == NULL)
            return 0;
        at = space - line;
        if (memcmp(line + at + 1, second, (size_t)m) == 0 && line[at + 1 + m] == ':')
            break;
    }
    if (at + m + 2 > n)
        return 0;
    *vs = at + m + 2;
    end = first_byte(line, n, *vs, ' ');
    *ve = end < 0 ? n : end;
    return 1;
}

/* A count's bytes as a plain run of 1 to 18 ASCII digits, in *steps: 1, or 0 for any other bytes. */
static int
digit_run(const unsigned char *value, Py_ssize_t n, long long *steps)
{
    Py_ssize_t i;
    *steps = 0;
    for (i = 0; i < n && i < 18 && value[i] >= '0' && value[i] <= '9'; i++)
        *steps = *steps * 10 + (value[i] - '0');
    return i == n && n > 0;
}

/* int() of the count's bytes: a run of ASCII digits read here, anything else by int(bytes). */
static PyObject *
pair_steps_of(const unsigned char *value, Py_ssize_t n)
{
    long long steps;
    PyObject *text, *out;
    if (digit_run(value, n, &steps))
        return PyLong_FromLongLong(steps);
    text = PyBytes_FromStringAndSize((const char *)value, n);
    if (text == NULL)
        return NULL;
    out = PyNumber_Long(text);
    Py_DECREF(text);
    return out;
}

/* A pair table of `data` and `lines` (table_line_starts' bytes, or empty): 0, or -1 with a ValueError
 * set when `lines` is no run of uint32s. */
static int
pair_table_of(PairTable *t, const Py_buffer *data, const Py_buffer *lines)
{
    if (lines->len % (Py_ssize_t)sizeof(uint32_t)) {
        PyErr_SetString(PyExc_ValueError, "a pair table's lines: not the table's");
        return -1;
    }
    t->text = data->buf, t->n = data->len;
    t->starts = lines->buf, t->lines = lines->len / (Py_ssize_t)sizeof(uint32_t);
    return 0;
}

/* pair_steps(data, lines, first, second): the pair's count in the table's log2 steps above its
 * floor (int() of what follows `second` and ':' in the line of `first`), or None when the table
 * does not hold the pair; `data` a pair-table's bytes (pairs-after.txt), `lines` where its lines
 * start (table_line_starts(data), or b"": none), the words UTF-8. */
static PyObject *
pair_steps(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer data = {0}, lines = {0}, first = {0}, second = {0};
    Py_ssize_t start, end, vs, ve;
    PairTable t;
    PyObject *out = NULL;
    int found;
    if (BAD_COUNT(4, 4) || BAD_BUFFER(0, data) || BAD_BUFFER(1, lines) || BAD_BUFFER(2, first) ||
        BAD_BUFFER(3, second)) {
        PyBuffer_Release(&data);
        PyBuffer_Release(&lines);
        PyBuffer_Release(&first);
        return NULL;
    }
    if (pair_table_of(&t, &data, &lines) == 0 && (found = pair_line(&t, first.buf, first.len, &start, &end)) >= 0) {
        if (!found || !pair_in_line(t.text + start, end - start, second.buf, second.len, &vs, &ve))
            out = Py_NewRef(Py_None);
        else
            out = pair_steps_of(t.text + start + vs, ve - vs);
    }
    PyBuffer_Release(&data);
    PyBuffer_Release(&lines);
    PyBuffer_Release(&first);
    PyBuffer_Release(&second);
    return out;
}

/* table_line_starts(data): where each line of a table's bytes starts (0, and each byte after a
 * newline but the end), as uint32s in the machine's order (array('I')): pair_steps' search halves
 * the lines, where sorted_line's read back to a line's start at each step (7,000 instructions a
 * search of the pair table, whose common words' lines are thousands of bytes). Twin:
 * newslint.native._table_line_starts. */
static PyObject *
table_line_starts(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer data = {0};
    const unsigned char *text, *newline;
    uint32_t *starts = NULL;
    Py_ssize_t count = 0, room = 0, at = 0;
    PyObject *out = NULL;
    if (BAD_COUNT(1, 1) || BAD_BUFFER(0, data))
        return NULL;
    text = data.buf;
    if (data.len > (Py_ssize_t)UINT32_MAX) {
        PyErr_SetString(PyExc_ValueError, "table_line_starts: a table past 4 GB");
        goto done;
    }
    while (at < data.len) {
        if (count == room) {
            uint32_t *more = PyMem_Realloc(starts, sizeof(uint32_t) * (size_t)(room = room ? room * 2 : 1024));
            if (more == NULL) {
                PyErr_NoMemory();
                goto done;
            }
            starts = more;
        }
        starts[count++] = (uint32_t)at;
        newline = memchr(text + at, '\n', (size_t)(data.len - at));
        at = newline == NULL ? data.len : newline - text + 1;
    }
    out = PyBytes_FromStringAndSize((const char *)starts, (Py_ssize_t)sizeof(uint32_t) * count);
done:
    PyMem_Free(starts);
    PyBuffer_Release(&data);
    return out;
}

/* table_rest(data, lines, key): what follows `key` and its tab on the line of a pair table whose
 * key is `key` (UTF-8 bytes), decoded, or None when no line has it: sorted_rest's answer, the line
 * found by halving the table's lines (table_line_starts(data); b"": sorted_line's search), as
 * pair_steps finds it. sorted_rest's search read back to a line's start at each of its steps,
 * thousands of bytes in a common word's line (about 3,900 instructions a search of the pair
 * tables, 1,500 by their lines: measured on NL101's replayed verdicts). Twin:
 * newslint.native._table_rest. */
static PyObject *
table_rest(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer data = {0}, lines = {0}, key = {0};
    Py_ssize_t start, end;
    PairTable t;
    PyObject *out = NULL;
    int found;
    if (BAD_COUNT(3, 3) || BAD_BUFFER(0, data) || BAD_BUFFER(1, lines) || BAD_BUFFER(2, key)) {
        PyBuffer_Release(&data);
        PyBuffer_Release(&lines);
        return NULL;
    }
    if (pair_table_of(&t, &data, &lines) == 0 && (found = pair_line(&t, key.buf, key.len, &start, &end)) >= 0)
        out = found ? PyUnicode_DecodeUTF8((const char *)t.text + start, end - start, NULL) : Py_NewRef(Py_None);
    PyBuffer_Release(&data);
    PyBuffer_Release(&lines);
    PyBuffer_Release(&key);
    return out;
}

/* The score of one plain ASCII word `c` (no space) as weigh scores it: *row the tuple (score, c,
 * slips, attested); 0, 1 where Python must score it (a log of no positive number: math.log's
 * ValueError, a use count that is no int), -1 with an error set. The steps and their order are
 * _context._word_score's, so the doubles are its doubles. */
typedef struct {
    PyObject *before, *after, *followers, *preceders, *within, *extra, *story, *rest, *count;
    double known_before, known_after, tokens, cap, edit_weight, exponent, zipf, floor;
    Py_ssize_t story_size, unlisted;
    /* `count` as the pair table's bytes (pairs != NULL): the pairs read in place, the neighbours
     * as UTF-8, the line of the word before found once a weighing (before_line -1 until then) */
    PairTable pairs;
    const unsigned char *before_key, *after_key;
    Py_ssize_t before_size, after_size, before_start, before_end;
    int before_line, table;
} WordScoring;

/* unigram(c), as _context.unigram reckons a word alone: ZIPF / (rank + 10), its rank what the
 * list's `rest(c)` reads after it on its index line (int() of it), the list's size for None.
 * 0, 1 where Python must reckon it (a rank that is no plain run of digits), -1 with an error set. */
static int
word_unigram(const WordScoring *w, PyObject *c, double *known)
{
    PyObject *text = PyObject_CallOneArg(w->rest, c);
    long long rank = 0;
    Py_ssize_t n, i;
    if (text == NULL)
        return -1;
    if (text == Py_None)
        rank = w->unlisted;
    else {
        const Py_UCS1 *d;
        n = PyUnicode_Check(text) && PyUnicode_IS_ASCII(text) ? PyUnicode_GET_LENGTH(text) : 0;
        if (n == 0 || n > 15) {
            Py_DECREF(text);
            return 1;
        }
        d = PyUnicode_1BYTE_DATA(text);
        for (i = 0; i < n; i++) {
            if (d[i] < '0' || d[i] > '9') {
                Py_DECREF(text);
                return 1;
            }
            rank = rank * 10 + (d[i] - '0');
        }
    }
    Py_DECREF(text);
    *known = w->zipf / (double)(rank + 10);
    return 0;
}

/* count(first, second) read in the pair table's bytes, for the plain ASCII word c and a neighbour
 * (`c_first`: c is the pair's first word): *pair the count (floor * 2.0 ** steps) and *none 0, or
 * *none 1 where the table does not hold the pair. 0, 1 where Python must read it (a count that
 * is no plain run of digits, or past a double), or -1 with an error set (lines not the table's). */
static int
table_count(WordScoring *w, PyObject *c, int c_first, double *pair, int *none)
{
    const unsigned char *word = PyUnicode_1BYTE_DATA(c), *line;
    Py_ssize_t size = PyUnicode_GET_LENGTH(c), start, end, vs, ve;
    long long steps;
    *none = 1;
    if (c_first) {
        int found = pair_line(&w->pairs, word, size, &start, &end);
        if (found <= 0)
            return found;
        line = w->pairs.text + start;
        if (!pair_in_line(line, end - start, w->after_key, w->after_size, &vs, &ve))
            return 0;
    }
    else {
        if (w->before_line < 0)
            w->before_line = pair_line(&w->pairs, w->before_key, w->before_size, &w->before_start, &w->before_end);
        if (w->before_line <= 0)
            return w->before_line;
        line = w->pairs.text + w->before_start;
        if (!pair_in_line(line, w->before_end - w->before_start, word, size, &vs, &ve))
            return 0;
    }
    if (!digit_run(line + vs, ve - vs, &steps))
        return 1;
    *pair = w->floor * pow(2.0, (double)steps); /* PAIR_FLOOR * 2.0 ** int(k) */
    if (!isfinite(*pair))
        return 1; /* Python's OverflowError */
    *none = 0;
    return 0;
}

/* A pair's count as weigh reads it: count(first, second) if c in `told` or c not in within, else
 * None; that count, or min(unseen, cap) for None, in *pair; *attested set for a count. 0, 1 where
 * Python must read it (table_count), or -1 with an error set. */
static int
pair_count_of(WordScoring *w, PyObject *c, PyObject *told, int c_first, double unseen, double *pair, int *attested)
{
    int asked = PySequence_Contains(told, c), none = 1;
    if (asked == 0)
        asked = PySequence_Contains(w->within, c) == 0 ? 1 : (PyErr_Occurred() ? -1 : 0);
    if (asked < 0)
        return -1;
    if (asked && w->table) {
        int done = table_count(w, c, c_first, pair, &none);
        if (done != 0)
            return done;
    }
    else if (asked && called_double(w->count, pair, &none, c_first ? c : w->before, c_first ? w->after : c) < 0)
        return -1;
    if (none)
        *pair = w->cap < unseen ? w->cap : unseen; /* min(unseen, cap) */
    else
        *attested = 1;
    return 0;
}

static int
word_score(WordScoring *w, const OsaCosts *costs, PyObject *typo, PyObject *c, PyObject **row)
{
    double cost, slips, known, fit, pair, lift = 0.0, got, score;
    int attested = 0, done;
    PyObject *x;
    cost = osa_cost(costs, typo, c);
    if (cost < 0)
        return -1;
    x = PyDict_GetItemWithError(w->extra, c); /* extra.get(c, 0.0) */
    if (x == NULL && PyErr_Occurred())
        return -1;
    got = x == NULL ? 0.0 : PyFloat_AsDouble(x);
    if (got == -1.0 && PyErr_Occurred())
        return -1;
    slips = cost + got;
    done = word_unigram(w, c, &known);
    if (done != 0)
        return done;
    if (w->before != Py_None) {
        done = pair_count_of(w, c, w->followers, 0, w->known_before * known / w->tokens, &pair, &attested);
        if (done != 0)
            return done;
        if (!(pair / w->known_before > 0))
            return 1;
        fit = log(pair / w->known_before);
    }
    else {
        if (!(known / w->tokens > 0))
            return 1;
        fit = log(known / w->tokens);
    }
    if (w->after != Py_None) {
        done = pair_count_of(w, c, w->preceders, 1, known * w->known_after / w->tokens, &pair, &attested);
        if (done != 0)
            return done;
        if (!(pair / known > 0))
            return 1;
        fit += log(pair / known);
    }
    x = PyDict_GetItemWithError(w->story, c); /* story.get(c, 0) */
    if (x == NULL && PyErr_Occurred())
        return -1;
    if (x != NULL) {
        Py_ssize_t uses;
        double expected;
        if (!PyLong_Check(x))
            return 1;
        uses = PyLong_AsSsize_t(x);
        if (uses == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            return 1; /* past a machine word: Python's arithmetic */
        }
        if (uses > 0) { /* story_lift(c, uses, story_size) */
            expected = (double)(w->story_size > 1 ? w->story_size : 1) * known / w->tokens;
            if (!(expected > 0) || uses > ((Py_ssize_t)1 << 53))
                return 1;
            lift = w->exponent * log1p((double)uses / expected);
        }
    }
    score = fit - w->edit_weight * slips + lift;
    { /* (score, c, slips, attested): Py_BuildValue's "(dOdO)" without its format read a candidate */
        PyObject *items[4] = {PyFloat_FromDouble(score), Py_NewRef(c), PyFloat_FromDouble(slips),
                              Py_NewRef(attested ? Py_True : Py_False)};
        *row = tuple_of_new(4, items);
    }
    return *row == NULL ? -1 : 0;
}

/* A neighbour's UTF-8 (`word`, or Python's encode with surrogatepass kept in *held) for
 * table_count: 0, 1 where Python must read its pairs (no str), -1 with an error set. */
static int
neighbour_key(PyObject *word, PyObject **held, const unsigned char **key, Py_ssize_t *size)
{
    if (word == Py_None)
        return 0;
    if (!PyUnicode_Check(word))
        return 1;
    if (PyUnicode_IS_ASCII(word)) {
        *key = PyUnicode_1BYTE_DATA(word);
        *size = PyUnicode_GET_LENGTH(word);
        return 0;
    }
    *held = PyUnicode_AsEncodedString(word, "utf-8", "surrogatepass");
    if (*held == NULL)
        return -1;
    *key = (const unsigned char *)PyBytes_AS_STRING(*held);
    *size = PyBytes_GET_SIZE(*held);
    return 0;
}

/* The scores of the candidates (word_scores' list), or None where Python must score them. */
static PyObject *
scored_words(WordScoring *w, const OsaCosts *costs, PyObject *typo, PyObject *cands)
{
    Py_ssize_t n = PyList_GET_SIZE(cands), i;
    PyObject *out;
    for (i = 0; i < n; i++) { /* every one a plain ASCII word, before any is scored */
        PyObject *c = PyList_GET_ITEM(cands, i);
        if (!PyUnicode_Check(c)) {
            PyErr_SetString(PyExc_TypeError, "word_scores: the candidates must be str");
            return NULL;
        }
        if (!PyUnicode_IS_ASCII(c) || memchr(PyUnicode_1BYTE_DATA(c), ' ', PyUnicode_GET_LENGTH(c)) != NULL)
            Py_RETURN_NONE;
    }
    out = PyList_New(n);
    if (out == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        PyObject *row = NULL, *c = PyList_GET_ITEM(cands, i);
        int done;
        Py_INCREF(c); /* the callables may change the list */
        done = word_score(w, costs, typo, c, &row);
        Py_DECREF(c);
        if (done != 0) {
            Py_DECREF(out);
            if (done < 0)
                return NULL;
            Py_RETURN_NONE;
        }
        PyList_SET_ITEM(out, i, row);
        if (PyList_GET_SIZE(cands) != n) {
            Py_DECREF(out);
            PyErr_SetString(PyExc_RuntimeError, "word_scores: the candidates changed");
            return NULL;
        }
    }
    return out;
}

/* Whether the characters at i of a text are a bracketed acronym, `\(([A-Z]{3,6})\)` matched
 * there (text[i] is "("): the acronym's length, else 0. */
static Py_ssize_t
bracketed_acronym_at(int kind, const void *data, Py_ssize_t n, Py_ssize_t i)
{
    Py_ssize_t j = i + 1;
    while (j < n && j - i <= 6) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, j);
        if (ch < 'A' || ch > 'Z')
            break;
        j++;
    }
    /* (the capitals run on past six: the pattern's ")" is never met there) */
    return j - i - 1 >= 3 && j < n && PyUnicode_READ(kind, data, j) == ')' ? j - i - 1 : 0;
}

/* bracketed_acronyms(text): the acronyms the text gives in brackets, each as
 * `re.compile(r"\(([A-Z]{3,6})\)").finditer(text)` finds it (its group), in order: a list (empty
 * in most stories, whose only brackets are a wire's "(Reuters)" or a ticker's). The
 * twin of newslint.native._bracketed_acronyms: NL101 asks it of every story (`_swap_possible`),
 * where a search for "(" and a pattern's match at each cost a story about 5,000 instructions
 * in Python. */
static PyObject *
bracketed_acronyms(PyObject *self, PyObject *text)
{
    PyObject *found;
    Py_ssize_t i, n;
    int kind;
    const void *data;
    if (BAD_STR_O(text) || (found = PyList_New(0)) == NULL)
        return NULL;
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    n = PyUnicode_GET_LENGTH(text);
    for (i = 0; i < n; i++) {
        Py_ssize_t size;
        PyObject *acronym;
        if (kind == PyUnicode_1BYTE_KIND) { /* (most stories: memchr finds each bracket) */
            const Py_UCS1 *s = (const Py_UCS1 *)data, *at = memchr(s + i, '(', (size_t)(n - i));
            if (at == NULL)
                break;
            i = at - s;
        } else if (PyUnicode_READ(kind, data, i) != '(')
            continue;
        if ((size = bracketed_acronym_at(kind, data, n, i)) == 0)
            continue;
        acronym = PyUnicode_Substring(text, i + 1, i + 1 + size);
        if (acronym == NULL || PyList_Append(found, acronym) < 0) {
            Py_XDECREF(acronym);
            Py_DECREF(found);
            return NULL;
        }
        Py_DECREF(acronym);
        i += size + 1; /* (the next match starts after this one's ")") */
    }
    return found;
}

/* body_openers(words, ids, starts, firsts, counts, head_end): the sentence-opening words of a
 * story's token index (`firsts`, with `words`, `ids` and `starts`: int32 buffers) that NL101's
 * `_body_openers` counts, in one walk: those whose text is a key of `counts` (its word counts)
 * and opens with a letter (`word[:1].isalpha()`). (the number of those at or past `head_end`,
 * the first tokens of those before it, which may be the headline's and are told apart in
 * Python, and the start and end of each counted one whose first letter is lowercase, flat).
 * The twin of newslint.native._body_openers_walk: a Python loop a sentence cost about 1,500
 * instructions, in every story NL101 or NL106 reads for lost capitals. */
static PyObject *
body_openers(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *words, *counts, *heads = NULL, *lower = NULL, *out = NULL;
    Py_buffer ids = {0}, starts = {0}, firsts = {0};
    Py_ssize_t head_end, nwords, ntok, nfirst, k, count = 0;
    if (BAD_COUNT(6, 6) || BAD_TYPE(0, PyList_Check, "list") || BAD_BUFFER(1, ids) || BAD_BUFFER(2, starts) ||
        BAD_BUFFER(3, firsts) || BAD_TYPE(4, is_counts, "dict") || ssize_arg(__func__, args, 5, &head_end) < 0)
        goto done;
    words = args[0], counts = args[4];
    ntok = ids.len / (Py_ssize_t)sizeof(int);
    nfirst = firsts.len / (Py_ssize_t)sizeof(int);
    if (starts.len != ids.len || ids.len % (Py_ssize_t)sizeof(int) || firsts.len % (Py_ssize_t)sizeof(int)) {
        PyErr_SetString(PyExc_ValueError, "body_openers: the index's arrays do not agree");
        goto done;
    }
    if ((heads = PyList_New(0)) == NULL || (lower = PyList_New(0)) == NULL)
        goto done;
    for (k = 0; k < nfirst; k++) {
        int f = ((const int *)firsts.buf)[k], id, found;
        Py_ssize_t start, n;
        PyObject *word;
        Py_UCS4 first;
        nwords = PyList_GET_SIZE(words);
        if (f < 0 || f >= ntok || (id = ((const int *)ids.buf)[f]) < 0 || id >= nwords) {
            PyErr_SetString(PyExc_IndexError, "body_openers: an index out of range");
            goto done;
        }
        word = PyList_GET_ITEM(words, id);
        if (!PyUnicode_Check(word)) {
            wrong_type(__func__, 0, "a list of str", word);
            goto done;
        }
        if ((n = PyUnicode_GET_LENGTH(word)) == 0 || !Py_UNICODE_ISALPHA(first = PyUnicode_READ_CHAR(word, 0)))
            continue;
        Py_INCREF(word); /* (a key's __eq__ may run code: none of a str's) */
        found = counts_get(counts, word) != NULL;
        Py_DECREF(word);
        if (!found && PyErr_Occurred())
            goto done;
        if (!found)
            continue;
        start = ((const int *)starts.buf)[f];
        if (start < head_end) {
            PyObject *at = PyLong_FromLong(f);
            if (at == NULL || PyList_Append(heads, at) < 0) {
                Py_XDECREF(at);
                goto done;
            }
            Py_DECREF(at);
            continue;
        }
        count++;
        if (Py_UNICODE_ISLOWER(first)) {
            PyObject *a = PyLong_FromSsize_t(start), *b = a == NULL ? NULL : PyLong_FromSsize_t(start + n);
            int err = b == NULL || PyList_Append(lower, a) < 0 || PyList_Append(lower, b) < 0;
            Py_XDECREF(a);
            Py_XDECREF(b);
            if (err)
                goto done;
        }
    }
    {
        PyObject *items[3] = {PyLong_FromSsize_t(count), heads, lower};
        heads = lower = NULL; /* (taken by the tuple, or let go with it) */
        out = tuple_of_new(3, items);
    }
done:
    Py_XDECREF(heads);
    Py_XDECREF(lower);
    PyBuffer_Release(&ids); /* (a view never taken is empty: let go of nothing) */
    PyBuffer_Release(&starts);
    PyBuffer_Release(&firsts);
    return out;
}

/* word_scores(typo, candidates, tables, context, paired, extra, story, story_size, ranks, count,
 * weights): _context.weigh's (score, word, slips, attested) of each candidate, in order, for an
 * ASCII typo whose candidates are all ASCII words without a space (else None: weigh scores them in
 * Python); the twin of newslint.rules.typos._context._word_scores, and its steps in C, where
 * a weighing cost 3 us a candidate in Python. `tables`: _slip_tables() (weighted_osa's sub, near,
 * values, costs); `context`: (before, after, unigram(before), unigram(after)), a neighbour None at
 * a boundary; `paired`: (followers, preceders, within); `ranks`: (the word list's rank lookup, its
 * size: WordList.rank_lookup()), a word's unigram reckoned from them (word_unigram: a Python call
 * of unigram cost 1 us a word met first); `weights`: (TOKENS, the unseen pair's cap, EDIT_WEIGHT,
 * STORY_EXPONENT, ZIPF, PAIR_FLOOR). `count`: `count(first, second)`, called as weigh calls it (a
 * float or None), or (the pair table's bytes, pairs-after.txt, and its table_line_starts), each pair
 * read in them in place as `pair_steps` reads it (a call of the memo of count cost a miss 12,000 instructions, its line
 * decoded). None too where Python must score a word (a log of no positive number, a use count
 * that is no int, a rank that is no run of digits, a count that is none): weigh's own steps then
 * raise as they raised. */
static PyObject *
word_scores(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *typo, *tables, *context, *paired, *ranks, *weights, *out, *targs[4], *held[2] = {NULL, NULL};
    Py_ssize_t k;
    Py_buffer pairs = {0}, lines = {0};
    WordScoring w;
    OsaCosts costs;
    double ws[6];
    int keyed = 0;
    if (BAD_COUNT(11, 11) || BAD_STR(0) || BAD_TYPE(1, PyList_Check, "list") || BAD_TYPE(2, PyTuple_Check, "tuple") ||
        BAD_TYPE(3, PyTuple_Check, "tuple") || BAD_TYPE(4, PyTuple_Check, "tuple") ||
        BAD_TYPE(5, PyDict_Check, "dict") || BAD_TYPE(6, PyDict_Check, "dict") || BAD_SSIZE(7, w.story_size) ||
        BAD_TYPE(8, PyTuple_Check, "tuple") || BAD_TYPE(10, PyTuple_Check, "tuple"))
        return NULL;
    typo = args[0], tables = args[2], context = args[3], paired = args[4], ranks = args[8];
    weights = args[10];
    if (PyTuple_GET_SIZE(tables) != 4 || !PyBytes_Check(PyTuple_GET_ITEM(tables, 0)) ||
        !PyBytes_Check(PyTuple_GET_ITEM(tables, 1)) || !PyTuple_Check(PyTuple_GET_ITEM(tables, 2)) ||
        PyTuple_GET_SIZE(context) != 4 || PyTuple_GET_SIZE(paired) != 3 || PyTuple_GET_SIZE(ranks) != 2 ||
        !PyLong_Check(PyTuple_GET_ITEM(ranks, 1)) || PyTuple_GET_SIZE(weights) != 6) {
        PyErr_SetString(PyExc_ValueError, "word_scores: tables are (sub, near, values, costs), context 4 items, "
                                          "paired 3, ranks (rest, size), weights 6");
        return NULL;
    }
    w.unlisted = PyLong_AsSsize_t(PyTuple_GET_ITEM(ranks, 1));
    if (w.unlisted == -1 && PyErr_Occurred())
        return NULL;
    w.rest = PyTuple_GET_ITEM(ranks, 0);
    for (k = 0; k < 4; k++)
        targs[k] = PyTuple_GET_ITEM(tables, k);
    if (osa_costs_of(__func__, targs, 0, &costs) < 0)
        return NULL;
    for (k = 0; k < 6; k++) {
        ws[k] = PyFloat_AsDouble(PyTuple_GET_ITEM(weights, k));
        if (ws[k] == -1.0 && PyErr_Occurred())
            return NULL;
    }
    w.tokens = ws[0], w.cap = ws[1], w.edit_weight = ws[2], w.exponent = ws[3], w.zipf = ws[4], w.floor = ws[5];
    w.before = PyTuple_GET_ITEM(context, 0), w.after = PyTuple_GET_ITEM(context, 1);
    w.known_before = PyFloat_AsDouble(PyTuple_GET_ITEM(context, 2));
    if (w.known_before == -1.0 && PyErr_Occurred())
        return NULL;
    w.known_after = PyFloat_AsDouble(PyTuple_GET_ITEM(context, 3));
    if (w.known_after == -1.0 && PyErr_Occurred())
        return NULL;
    w.followers = PyTuple_GET_ITEM(paired, 0), w.preceders = PyTuple_GET_ITEM(paired, 1);
    w.within = PyTuple_GET_ITEM(paired, 2);
    w.extra = args[5], w.story = args[6], w.count = args[9];
    w.before_key = w.after_key = NULL, w.before_size = w.after_size = 0;
    w.before_line = -1, w.before_start = w.before_end = 0, w.table = 0;
    if (!PyUnicode_IS_ASCII(typo))
        Py_RETURN_NONE;
    if (PyTuple_Check(w.count)) { /* (the table's bytes, its lines) */
        if (PyTuple_GET_SIZE(w.count) != 2) {
            PyErr_SetString(PyExc_ValueError, "word_scores: count is a callable or (the pair table, its lines)");
            return NULL;
        }
        if (PyObject_GetBuffer(PyTuple_GET_ITEM(w.count, 0), &pairs, PyBUF_SIMPLE) < 0)
            return NULL;
        if (PyObject_GetBuffer(PyTuple_GET_ITEM(w.count, 1), &lines, PyBUF_SIMPLE) < 0) {
            PyBuffer_Release(&pairs);
            return NULL;
        }
        w.table = 1;
        keyed = pair_table_of(&w.pairs, &pairs, &lines);
        if (keyed == 0)
            keyed = neighbour_key(w.before, &held[0], &w.before_key, &w.before_size);
        if (keyed == 0)
            keyed = neighbour_key(w.after, &held[1], &w.after_key, &w.after_size);
    }
    out = keyed < 0 ? NULL : keyed > 0 ? Py_NewRef(Py_None) : scored_words(&w, &costs, typo, args[1]);
    Py_XDECREF(held[0]);
    Py_XDECREF(held[1]);
    if (w.table) {
        PyBuffer_Release(&pairs);
        PyBuffer_Release(&lines);
    }
    return out;
}

/* apostrophe_form(words, word): the one form of `word` with an apostrophe put in between two of
 * its characters ("dont" -> "don't") that the WordTable `words` holds, None when it holds none
 * or several; NotImplemented where `words` is no WordTable or the word has no UTF-8 (a lone
 * surrogate): rules/typos/unknown_word.py's `_missing_apostrophe` then tries each form in Python,
 * the twin (a str made and looked up for each place: 15,000 instructions a word reported). */
static PyObject *
apostrophe_form(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    const WordTableObject *words;
    const char *s;
    char small[128], *form;
    Py_ssize_t n, i, found = -1, hits = 0;
    PyObject *out;
    if (BAD_COUNT(2, 2) || BAD_STR(1))
        return NULL;
    if (!PyObject_TypeCheck(args[0], word_table_type) || (s = wt_utf8(args[1], &n)) == NULL)
        Py_RETURN_NOTIMPLEMENTED;
    words = (const WordTableObject *)args[0];
    form = n + 1 <= (Py_ssize_t)sizeof small ? small : PyMem_Malloc((size_t)n + 1);
    if (form == NULL)
        return PyErr_NoMemory();
    memcpy(form + 1, s, (size_t)n);
    for (i = 1; i < n && hits < 2; i++) { /* form = s[:i] + "'" + s[i:], i at a character's start */
        form[i - 1] = s[i - 1];
        form[i] = '\'';
        if (((unsigned char)s[i] & 0xC0) == 0x80)
            continue; /* inside a character */
        if (word_table_find(words, form, n + 1, edit_hash(form, n + 1)) >= 0) {
            found = i;
            hits++;
        }
    }
    if (hits == 1) {
        memcpy(form, s, (size_t)found);
        form[found] = '\'';
        memcpy(form + found + 1, s + found, (size_t)(n - found));
        out = PyUnicode_DecodeUTF8(form, n + 1, NULL);
    }
    else
        out = Py_NewRef(Py_None);
    if (form != small)
        PyMem_Free(form);
    return out;
}

/* One scored candidate as ranked_shares orders them: its score, exp(score - top), its place. */
typedef struct {
    double score, e;
    Py_ssize_t at;
} RankedScore;

/* Higher scores first, ties in the scores' order (list.sort(reverse=True) is stable). */
static int
ranked_order(const void *a, const void *b)
{
    const RankedScore *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return (x->at > y->at) - (x->at < y->at);
}

/* ranked_shares(scored, kind): weigh's candidates from their scores (word_scores' tuples
 * (score, word, slips, attested)), most likely first, each a `kind` (Weighed: word, share, slips,
 * attested), its share exp(score - top) over the sum of them all, the same doubles (math.exp is
 * libm's exp; sum adds in order); None where Python must rank them (a score that is no float, or
 * NaN). The twin is newslint.rules.typos._context._ranked: its tail of weigh cost a weighing
 * some 15,000 instructions, a named tuple's Python __new__ called for each candidate. */
static PyObject *
ranked_shares(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *scored, *out = NULL;
    PyTypeObject *kind;
    RankedScore *rows;
    Py_ssize_t n, i;
    double top = 0.0, total = 0.0;
    if (BAD_COUNT(2, 2) || BAD_TYPE(0, PyList_Check, "list") || BAD_TYPE(1, PyType_Check, "type"))
        return NULL;
    scored = args[0], kind = (PyTypeObject *)args[1];
    if (!PyType_IsSubtype(kind, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "ranked_shares: kind must be a tuple's subclass");
        return NULL;
    }
    n = PyList_GET_SIZE(scored);
    for (i = 0; i < n; i++) {
        PyObject *row = PyList_GET_ITEM(scored, i);
        if (!PyTuple_Check(row) || PyTuple_GET_SIZE(row) != 4 || !PyFloat_CheckExact(PyTuple_GET_ITEM(row, 0)) ||
            isnan(PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(row, 0))))
            Py_RETURN_NONE;
    }
    rows = PyMem_Malloc(sizeof(RankedScore) * (size_t)(n > 0 ? n : 1));
    if (rows == NULL)
        return PyErr_NoMemory();
    for (i = 0; i < n; i++) { /* top = max(scores): the first of the highest */
        rows[i].score = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(PyList_GET_ITEM(scored, i), 0));
        rows[i].at = i;
        if (i == 0 || rows[i].score > top)
            top = rows[i].score;
    }
    for (i = 0; i < n; i++) {
        rows[i].e = exp(rows[i].score - top);
        total = i == 0 ? rows[i].e : total + rows[i].e;
    }
    qsort(rows, (size_t)n, sizeof(RankedScore), ranked_order);
    out = PyList_New(n);
    for (i = 0; out != NULL && i < n; i++) {
        PyObject *row = PyList_GET_ITEM(scored, rows[i].at), *items[4], *one;
        items[0] = Py_NewRef(PyTuple_GET_ITEM(row, 1));
        items[1] = PyFloat_FromDouble(rows[i].e / total);
        items[2] = Py_NewRef(PyTuple_GET_ITEM(row, 2));
        items[3] = Py_NewRef(PyTuple_GET_ITEM(row, 3));
        one = items[1] == NULL ? NULL : named_tuple(kind, items, 4);
        if (one == NULL) {
            if (items[1] == NULL) {
                Py_DECREF(items[0]);
                Py_DECREF(items[2]);
                Py_DECREF(items[3]);
            }
            Py_CLEAR(out);
            break;
        }
        PyList_SET_ITEM(out, i, one);
    }
    PyMem_Free(rows);
    return out;
}

/* split_pairs(text, start, end, filter, shortest[, marks]): where newslint.rules.typos._split._PAIR,
 *     (?<![\w'’.\-/@])([a-z]+) (?=([a-z]+)(?![\w'’\-/@]|\.\w))
 * matches in text[start:end] (finditer(text, start, end): the look-behind reads before start,
 * the look-ahead nothing from end), the matches whose two words joined are `shortest` letters
 * or more and may be in the Bloom filter `filter` (edit_filter's bytes): a list of (start of the
 * first word, its end, end of the second). Both [a-z]+ are whole runs of the letters (a shorter
 * run is followed by a letter, which neither the space nor the look-ahead allows), and no match
 * starts inside another, so the matches are every place that passes, in order. A superset of
 * the pairs whose join is in the filter's set: the caller tests each. With `marks`
 * (split_marks' bytes of the same set and `shortest`), only the pairs whose letters about the
 * space it may hold are hashed and tested (a join in the set is one of the splits it holds). */

/* FNV-1a's state carried on over text[from:to], ASCII letters: what fnv_more gives for them
 * copied out, read in place. */
static ALWAYS_INLINE unsigned long long
fnv_text(unsigned long long h, int kind, const void *data, Py_ssize_t from, Py_ssize_t to)
{
    for (; from < to; from++) {
        h ^= (unsigned char)PyUnicode_READ(kind, data, from);
        h *= FNV_PRIME;
    }
    return h;
}

/* The letters about a split that split_marks keys: up to three of the first part's last
 * letters (data[p:q]), a space and up to three of the second's first (data[r:e]), as the bytes
 * of a uint64 from the lowest, the space the fourth, a missing letter 0. A pair of words
 * text[p:q] and text[q+1:e] is keyed by text[q-3:q+4] with the places outside the words 0; a
 * key split in two at q, by (0, q, q, n). One byte a character: the words are ASCII letters. */
static ALWAYS_INLINE unsigned long long
split_key(int kind, const void *data, Py_ssize_t p, Py_ssize_t q, Py_ssize_t r, Py_ssize_t e)
{
    unsigned long long key = (unsigned long long)' ' << 24;
    Py_ssize_t i;
    for (i = p > q - 3 ? p : q - 3; i < q; i++)
        key |= (unsigned long long)(PyUnicode_READ(kind, data, i) & 0xff) << (8 * (i - q + 3));
    for (i = r; i < e && i < r + 3; i++)
        key |= (unsigned long long)(PyUnicode_READ(kind, data, i) & 0xff) << (8 * (i - r + 4));
    return key;
}

/* A key's length where it is `shortest` letters or more, all lowercase ASCII, else 0. */
static Py_ssize_t
split_marks_length(PyObject *key, Py_ssize_t shortest)
{
    const Py_UCS1 *s;
    Py_ssize_t n, i;
    if (!PyUnicode_Check(key) || !PyUnicode_IS_ASCII(key))
        return 0;
    s = PyUnicode_1BYTE_DATA(key);
    n = PyUnicode_GET_LENGTH(key);
    for (i = 0; i < n; i++)
        if (!IS_ASCII_LOWER(s[i]))
            return 0;
    return n >= shortest ? n : 0;
}

/* A split_key's hash for split_marks' filter: one multiplication by 2 ** 64 over the golden ratio
 * (every letter carried into the top bits, the filter's word), its top bits folded into the
 * low ones (the probes). Where splitmix64's finaliser took eleven instructions, this takes three
 * and leaves as few pairs through (4.1% and 3.7% of a sample's, simulated). */
static ALWAYS_INLINE unsigned long long
split_hash(unsigned long long key)
{
    key *= 0x9e3779b97f4a7c15ULL;
    return key ^ (key >> 29);
}

/* split_key of the pair text[p:q], text[q+1:e] of a one-byte text of n characters: one load of
 * eight bytes where they all lie in it, and a mask (what the loops give). */
static ALWAYS_INLINE unsigned long long
split_key_ucs1(const Py_UCS1 *s, Py_ssize_t n, Py_ssize_t p, Py_ssize_t q, Py_ssize_t e)
{
    unsigned long long key;
    Py_ssize_t lo = p - q + 3, hi = e - q + 3;
    if (q < 3 || q + 5 > n)
        return split_key(PyUnicode_1BYTE_KIND, s, p, q, q + 1, e);
    memcpy(&key, s + q - 3, sizeof key);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    key = __builtin_bswap64(key);
#endif
    if (lo < 0)
        lo = 0;
    if (hi > 7)
        hi = 7;
    return key & (~0ULL << (8 * lo)) & (~0ULL >> (8 * (8 - hi)));
}

/* split_marks(keys, shortest): a Bloom filter (edit_filter's layout) of the split_key of every
 * split in two of the keys of `shortest` letters or more that are lowercase ASCII letters only,
 * as bytes, about four bits a split (a power of two from 1024). A pair of words one space apart
 * whose join is such a key is one of its splits: split_pairs tests the letters either side of
 * the space against it (one load, no walk over the words) before it hashes the whole join, and
 * most pairs fail there (the pairs of a story's common words: "of the", "said on"). */
static PyObject *
split_marks(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *seq, *out;
    Py_ssize_t shortest, count, i, splits = 0;
    unsigned long long nbits = 1024;
    unsigned char *bits;
    if (BAD_COUNT(2, 2) || BAD_SSIZE(1, shortest))
        return NULL;
    seq = PySequence_Fast(args[0], "split_marks: the keys must be iterable");
    if (seq == NULL)
        return NULL;
    count = PySequence_Fast_GET_SIZE(seq);
    for (i = 0; i < count; i++) {
        Py_ssize_t n = split_marks_length(PySequence_Fast_GET_ITEM(seq, i), shortest);
        if (n > 1)
            splits += n - 1;
    }
    while (nbits < 4ULL * (unsigned long long)splits)
        nbits <<= 1;
    out = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)(nbits >> 3));
    if (out == NULL) {
        Py_DECREF(seq);
        return NULL;
    }
    bits = (unsigned char *)PyBytes_AS_STRING(out);
    memset(bits, 0, nbits >> 3);
    for (i = 0; i < count; i++) {
        PyObject *key = PySequence_Fast_GET_ITEM(seq, i);
        Py_ssize_t n = split_marks_length(key, shortest), q;
        for (q = 1; q < n; q++)
            filter_probe_hash(bits, nbits, split_hash(split_key(PyUnicode_1BYTE_KIND, PyUnicode_1BYTE_DATA(key), 0, q, q, n)), 1);
    }
    Py_DECREF(seq);
    return out;
}

/* The pairs (p, q, e) found and not yet tested against the filter: their joins' hashes are
 * gathered a batch at a time and each one's filter word fetched ahead (the filter is read cold,
 * a probe a line: tested as they were found, each waited for its line), then tested in order. */
#define SP_BATCH 16
struct sp_batch {
    const unsigned char *filter, *marks; /* marks: split_marks' bytes, or NULL */
    unsigned long long nbits, mbits;
    PyObject *out;
    int count;
    struct {
        unsigned long long h;
        Py_ssize_t p, q, e;
    } at[SP_BATCH];
};

/* The batch's pairs whose joins the filter may hold appended to `out` as (p, q, e), in the
 * order they were found; the batch emptied. -1 with an error set, else 0. */
static int
sp_flush(struct sp_batch *b)
{
    int k, count = b->count;
    b->count = 0;
    for (k = 0; k < count; k++) {
        PyObject *found;
        int failed;
        if (!filter_may_hold(b->filter, b->nbits, b->at[k].h))
            continue;
        PyObject *items[3] = {PyLong_FromSsize_t(b->at[k].p), PyLong_FromSsize_t(b->at[k].q),
                              PyLong_FromSsize_t(b->at[k].e)};
        if ((found = tuple_of_new(3, items)) == NULL)
            return -1;
        failed = PyList_Append(b->out, found) < 0;
        Py_DECREF(found);
        if (failed)
            return -1;
    }
    return 0;
}

/* The pair (p, q, e), whose join's FNV-1a state is h, added to the batch (its filter word
 * fetched), the batch tested when full. -1 with an error set, else 0. */
static ALWAYS_INLINE int
split_pairs_keep(struct sp_batch *b, unsigned long long h, Py_ssize_t p, Py_ssize_t q, Py_ssize_t e)
{
    h = fnv_mixed(h);
    PREFETCH(filter_word(b->filter, b->nbits, h));
    b->at[b->count].h = h;
    b->at[b->count].p = p;
    b->at[b->count].q = q;
    b->at[b->count].e = e;
    return ++b->count == SP_BATCH ? sp_flush(b) : 0;
}

/* split_pairs' scan for one kind of str: inlined once for each kind, so that every read of a
 * character is a plain load (no test of the kind at each), and a join hashed in place, its two
 * words one after the other (no copy). -1 with an error set, else 0. */
static ALWAYS_INLINE int
split_pairs_scan(int kind, const void *data, Py_ssize_t start, Py_ssize_t end, struct sp_batch *batch,
                 Py_ssize_t shortest)
{
    Py_ssize_t p = start;
    while (p < end) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, p), before;
        Py_ssize_t q, r, e;
        if (!IS_ASCII_LOWER(ch)) {
            p++;
            continue;
        }
        q = p + 1;
        while (q < end && IS_ASCII_LOWER(PyUnicode_READ(kind, data, q)))
            q++;
        if (p > 0) {
            before = PyUnicode_READ(kind, data, p - 1);
            if (IS_WORD(before) || before == '\'' || before == 0x2019 || before == '.' || before == '-' ||
                before == '/' || before == '@') {
                p = q; /* and no place inside the run passes the look-behind: a letter is before it */
                continue;
            }
        }
        if (q + 1 >= end || PyUnicode_READ(kind, data, q) != ' ' || !IS_ASCII_LOWER(PyUnicode_READ(kind, data, q + 1))) {
            p = q;
            continue;
        }
        r = q + 1;
        e = r + 1;
        while (e < end && IS_ASCII_LOWER(PyUnicode_READ(kind, data, e)))
            e++;
        if (e < end) {
            Py_UCS4 after = PyUnicode_READ(kind, data, e);
            if (IS_WORD(after) || after == '\'' || after == 0x2019 || after == '-' || after == '/' || after == '@' ||
                (after == '.' && e + 1 < end && IS_WORD(PyUnicode_READ(kind, data, e + 1)))) {
                p = q; /* no match here; the second word may open the next pair */
                continue;
            }
        }
        if ((q - p) + (e - r) >= shortest &&
            (batch->marks == NULL ||
             filter_may_hold(batch->marks, batch->mbits, split_hash(split_key(kind, data, p, q, r, e))))) {
            unsigned long long h = fnv_text(fnv_text(FNV_OFFSET, kind, data, p, q), kind, data, r, e);
            if (split_pairs_keep(batch, h, p, q, e) < 0)
                return -1;
        }
        p = q; /* the match (the first word and the space) ends at q + 1; q is the space */
    }
    return 0;
}

#if defined(__SSE2__)
#include <emmintrin.h>
/* split_pairs over a one-byte text, sixteen bytes at a time: the pairs are found from the spaces
 * between two lowercase letters (a pair's space, and every pair has one), each read against a
 * window of lowercase bits (the block before, this one, the one after) that gives its two
 * words' bounds without a walk over their letters. The same pairs in the same order as
 * split_pairs_scan: that scan meets each run of lowercase letters once, in order, and keeps one
 * whose space and second word follow; a run cut by `start` fails its look-behind there. */

/* The lowercase ASCII letters of s[pos:pos+16] as bits (s[pos]: 1), the spaces in `*spaces`;
 * a place outside [0, n) is neither. */
static ALWAYS_INLINE unsigned
sp_block(const Py_UCS1 *s, Py_ssize_t n, Py_ssize_t pos, unsigned *spaces)
{
    __m128i x;
    if (pos >= 0 && pos + 16 <= n)
        x = _mm_loadu_si128((const __m128i *)(s + pos));
    else { /* a block at the text's start or end (a few a call): its places inside copied, one call */
        Py_UCS1 tmp[16] = {0};
        Py_ssize_t lo = pos < 0 ? 0 : pos, hi = pos + 16 < n ? pos + 16 : n;
        if (lo < hi)
            memcpy(tmp + (lo - pos), s + lo, (size_t)(hi - lo));
        x = _mm_loadu_si128((const __m128i *)tmp);
    }
    if (spaces != NULL)
        *spaces = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')));
    return (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('a' - 1)),
                                                      _mm_cmplt_epi8(x, _mm_set1_epi8('z' + 1))));
}

static int
split_pairs_blocks(const Py_UCS1 *s, Py_ssize_t n, Py_ssize_t start, Py_ssize_t end, struct sp_batch *batch,
                   Py_ssize_t shortest)
{
    Py_ssize_t b;
    unsigned spaces, before = sp_block(s, n, start - 16, NULL), here = sp_block(s, n, start, &spaces), after;
    for (b = start; b + 1 < end; b += 16, before = here, here = after) {
        unsigned long long window;
        unsigned pairs, next_spaces;
        after = sp_block(s, n, b + 16, &next_spaces);
        window = (unsigned long long)before | ((unsigned long long)here << 16) | ((unsigned long long)after << 32);
        /* the spaces of this block with a lowercase letter either side */
        pairs = spaces & (unsigned)(window >> 15) & (unsigned)(window >> 17) & 0xffffu;
        spaces = next_spaces;
        while (pairs) {
            int t = __builtin_ctz(pairs);
            Py_ssize_t q = b + t, p, e;
            unsigned long long low = ~window & ((1ULL << (t + 16)) - 1), high = (~window & 0xffffffffffffULL) >> (t + 17);
            Py_UCS1 c;
            pairs &= pairs - 1;
            if (q + 1 >= end)
                break;
            if (low)
                p = b - 16 + (63 - __builtin_clzll(low)) + 1;
            else
                for (p = b - 16; p > 0 && IS_ASCII_LOWER(s[p - 1]); p--)
                    ;
            if (p < start)
                continue; /* the scan starts inside this run: a letter is before it */
            if (high)
                e = q + 1 + __builtin_ctzll(high);
            else
                for (e = q + 1; e < n && IS_ASCII_LOWER(s[e]); e++)
                    ;
            if (e > end)
                e = end;
            /* the letters about the space first: most pairs fail there, before the tests of the
             * characters either side (all of these tests must pass; their order is free) */
            if ((q - p) + (e - q - 1) < shortest ||
                (batch->marks != NULL &&
                 !filter_may_hold(batch->marks, batch->mbits, split_hash(split_key_ucs1(s, n, p, q, e)))))
                continue;
            if (p > 0) {
                c = s[p - 1];
                if (IS_WORD(c) || c == '\'' || c == '.' || c == '-' || c == '/' || c == '@')
                    continue;
            }
            if (e < end) {
                c = s[e];
                if (IS_WORD(c) || c == '\'' || c == '-' || c == '/' || c == '@' ||
                    (c == '.' && e + 1 < end && IS_WORD(s[e + 1])))
                    continue;
            }
            {
                unsigned long long h = fnv_text(fnv_text(FNV_OFFSET, PyUnicode_1BYTE_KIND, s, p, q), PyUnicode_1BYTE_KIND, s, q + 1, e);
                if (split_pairs_keep(batch, h, p, q, e) < 0)
                    return -1;
            }
        }
    }
    return 0;
}
#endif

static PyObject *
split_pairs(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *out;
    const char *filter, *marks = NULL;
    Py_ssize_t start, end, size, shortest, length, msize = 0;
    struct sp_batch batch;
    const void *data;
    int done;
    if (BAD_COUNT(5, 6) || BAD_STR(0) || BAD_SSIZE(1, start) || BAD_SSIZE(2, end) || BAD_BYTES(3, filter, size) ||
        BAD_SSIZE(4, shortest) || (nargs > 5 && BAD_BYTES(5, marks, msize)))
        return NULL;
    text = args[0];
    if (size < 8 || (size & (size - 1))) {
        PyErr_SetString(PyExc_ValueError, "split_pairs: the filter must be edit_filter's bytes");
        return NULL;
    }
    if (marks != NULL && (msize < 8 || (msize & (msize - 1)))) {
        PyErr_SetString(PyExc_ValueError, "split_pairs: the marks must be split_marks' bytes");
        return NULL;
    }
    data = PyUnicode_DATA(text);
    length = PyUnicode_GET_LENGTH(text);
    if (end > length)
        end = length;
    if (start < 0)
        start = 0;
    out = PyList_New(0);
    if (out == NULL)
        return NULL;
    batch.filter = (const unsigned char *)filter;
    batch.nbits = (unsigned long long)size << 3;
    batch.marks = (const unsigned char *)marks;
    batch.mbits = (unsigned long long)msize << 3;
    batch.out = out;
    batch.count = 0;
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
#if defined(__SSE2__)
        done = split_pairs_blocks((const Py_UCS1 *)data, length, start, end, &batch, shortest);
#else
        done = split_pairs_scan(PyUnicode_1BYTE_KIND, data, start, end, &batch, shortest);
#endif
        break;
    case PyUnicode_2BYTE_KIND:
        done = split_pairs_scan(PyUnicode_2BYTE_KIND, data, start, end, &batch, shortest);
        break;
    default:
        done = split_pairs_scan(PyUnicode_4BYTE_KIND, data, start, end, &batch, shortest);
    }
    if (done == 0)
        done = sp_flush(&batch);
    if (done < 0) {
        Py_DECREF(out);
        return NULL;
    }
    return out;
}

/* The ASCII letters of text[start:end] (all of them letters), lowercase, as a new str. */
static PyObject *
ascii_lower(int kind, const void *data, Py_ssize_t start, Py_ssize_t end)
{
    PyObject *out = PyUnicode_New(end - start, 127);
    Py_UCS1 *to;
    Py_ssize_t i;
    if (out == NULL)
        return NULL;
    to = PyUnicode_1BYTE_DATA(out);
    for (i = start; i < end; i++)
        *to++ = (Py_UCS1)(PyUnicode_READ(kind, data, i) | 0x20);
    return out;
}

static inline int
is_ascii_letter(Py_UCS4 ch)
{
    return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z';
}

/* A letter, digit or joining mark (' ’ -): what may not touch a neighbouring word. */
static inline int
joins_word(Py_UCS4 ch)
{
    return Py_UNICODE_ISALNUM(ch) || ch == '\'' || ch == 0x2019 || ch == '-';
}

#define NEIGHBOUR_REACH 40

/* unknown_word._word_left: the word before `start`, lowercase, or NULL with no error for None. */
static PyObject *
word_left(int kind, const void *data, Py_ssize_t start)
{
    Py_ssize_t low = start > NEIGHBOUR_REACH ? start - NEIGHBOUR_REACH : 0, end = start, begin, i;
    int breaks = 0;
    Py_UCS4 ch;
    if (start == 0 || !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, start - 1)))
        return NULL;
    while (end > low && ((ch = PyUnicode_READ(kind, data, end - 1)) == ' ' || ch == '\t' || ch == '\n'))
        end--;
    for (i = end; i < start; i++)
        breaks += PyUnicode_READ(kind, data, i) == '\n';
    if (breaks > 1 && !(breaks == 2 && PyUnicode_READ(kind, data, start - 1) == '\n'))
        return NULL;
    begin = end;
    while (begin > low && is_ascii_letter(PyUnicode_READ(kind, data, begin - 1)))
        begin--;
    if (begin == end || (begin > 0 && joins_word(PyUnicode_READ(kind, data, begin - 1))))
        return NULL;
    return ascii_lower(kind, data, begin, end);
}

/* unknown_word._word_right: the word after `end`, lowercase, or NULL with no error for None. */
static PyObject *
word_right(int kind, const void *data, Py_ssize_t n, Py_ssize_t end)
{
    Py_ssize_t i = end, begin;
    if (end >= n || !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, end)))
        return NULL;
    while (i < n && (PyUnicode_READ(kind, data, i) == ' ' || PyUnicode_READ(kind, data, i) == '\t'))
        i++;
    if (i < n && PyUnicode_READ(kind, data, i) == '\n')
        i++;
    while (i < n && (PyUnicode_READ(kind, data, i) == ' ' || PyUnicode_READ(kind, data, i) == '\t'))
        i++;
    for (begin = i; i < n && is_ascii_letter(PyUnicode_READ(kind, data, i));)
        i++;
    if (i == begin || (i < n && joins_word(PyUnicode_READ(kind, data, i))))
        return NULL;
    return ascii_lower(kind, data, begin, i);
}

/* neighbours(text, start, end): the words either side of text[start:end], lowercase, or None
 * (unknown_word.context_of's `_word_left` and `_word_right`: NL107 and NL101 ask for thousands). */
static PyObject *
neighbours(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *left, *right;
    Py_ssize_t n, start, end;
    int kind;
    const void *data;
    if (nargs != 3 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "neighbours(text, start, end): a str and two ints, please");
        return NULL;
    }
    if ((start = PyLong_AsSsize_t(args[1])) == -1 && PyErr_Occurred())
        return NULL;
    if ((end = PyLong_AsSsize_t(args[2])) == -1 && PyErr_Occurred())
        return NULL;
    n = PyUnicode_GET_LENGTH(args[0]);
    if (start < 0 || start > n || end < start || end > n) {
        PyErr_SetString(PyExc_IndexError, "neighbours: the span is outside the text");
        return NULL;
    }
    kind = PyUnicode_KIND(args[0]);
    data = PyUnicode_DATA(args[0]);
    if ((left = word_left(kind, data, start)) == NULL && PyErr_Occurred())
        return NULL;
    if ((right = word_right(kind, data, n, end)) == NULL && PyErr_Occurred()) {
        Py_XDECREF(left);
        return NULL;
    }
    {
        PyObject *items[2] = {left ? left : Py_NewRef(Py_None), right ? right : Py_NewRef(Py_None)};
        return tuple_of_new(2, items);
    }
}

/* Whether `before` is in the set `b` and `after` in the set `a`: 1, 0, or -1 with an exception. */
static int
sc_reads(PyObject *b, PyObject *a, PyObject *before, PyObject *after)
{
    int r = PySet_Contains(b, before);
    return r <= 0 ? r : PySet_Contains(a, after);
}

/* slip_candidates(text, chosen, words, ids, starts, table): `real_word_slip._slip_candidates_twin`:
 * for each token index i of `chosen` (int32s, ascending; `ids` and `starts` the token index's
 * int32 arrays, `words` its texts), the word's neighbours in text (`neighbours`); the list of
 * (i, before, after) where both are words, the word (a key of `table`, whose value is (words
 * before it, words after it, ((words before, words after) of each other word))) does not make a
 * pair with both, and one of the other words does: where NL107 weighs the words, a few of a
 * story's hundreds of the table's words, none made into a Token. */
static PyObject *
slip_candidates(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *words, *table, *out = NULL;
    Py_buffer chosen = {0}, ids = {0}, starts = {0};
    Py_ssize_t n, k, count, nwords, ntok;
    int kind;
    const void *data;
    if (BAD_COUNT(6, 6) || BAD_STR(0) || BAD_BUFFER(1, chosen) || BAD_TYPE(2, PyList_Check, "list")
        || BAD_BUFFER(3, ids) || BAD_BUFFER(4, starts) || BAD_TYPE(5, PyDict_Check, "dict"))
        goto done;
    text = args[0], words = args[2], table = args[5];
    n = PyUnicode_GET_LENGTH(text), kind = PyUnicode_KIND(text), data = PyUnicode_DATA(text);
    count = chosen.len / (Py_ssize_t)sizeof(int), nwords = PyList_GET_SIZE(words);
    ntok = ids.len / (Py_ssize_t)sizeof(int);
    if (starts.len / (Py_ssize_t)sizeof(int) < ntok)
        ntok = starts.len / (Py_ssize_t)sizeof(int);
    if ((out = PyList_New(0)) == NULL)
        goto done;
    for (k = 0; k < count; k++) {
        int i = ((const int *)chosen.buf)[k], id, r = 0;
        Py_ssize_t start, end;
        PyObject *word, *entry, *before = NULL, *after = NULL, *others;
        if (i < 0 || i >= ntok || (id = ((const int *)ids.buf)[i]) < 0 || id >= nwords) {
            PyErr_SetString(PyExc_IndexError, "slip_candidates: a token outside the index");
            goto fail;
        }
        word = PyList_GET_ITEM(words, id);
        start = ((const int *)starts.buf)[i];
        if (!PyUnicode_Check(word) || start < 0 || (end = start + PyUnicode_GET_LENGTH(word)) > n) {
            PyErr_SetString(PyExc_ValueError, "slip_candidates: a word outside the text");
            goto fail;
        }
        if ((before = word_left(kind, data, start)) == NULL) {
            if (PyErr_Occurred())
                goto fail;
            continue;
        }
        if ((after = word_right(kind, data, n, end)) == NULL) {
            Py_DECREF(before);
            if (PyErr_Occurred())
                goto fail;
            continue;
        }
        entry = PyDict_GetItemWithError(table, word); /* borrowed */
        if (entry == NULL || !PyTuple_Check(entry) || PyTuple_GET_SIZE(entry) != 3
            || !PyTuple_Check(others = PyTuple_GET_ITEM(entry, 2))) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_KeyError, "slip_candidates: a word not in the table, or not (before, after, others)");
            r = -1;
        }
        else if ((r = sc_reads(PyTuple_GET_ITEM(entry, 0), PyTuple_GET_ITEM(entry, 1), before, after)) == 0) {
            Py_ssize_t o;
            for (o = 0; r == 0 && o < PyTuple_GET_SIZE(others); o++) {
                PyObject *pair = PyTuple_GET_ITEM(others, o);
                if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
                    PyErr_SetString(PyExc_TypeError, "slip_candidates: an other word's sets are a pair");
                    r = -1;
                }
                else
                    r = sc_reads(PyTuple_GET_ITEM(pair, 0), PyTuple_GET_ITEM(pair, 1), before, after);
            }
            if (r == 1) { /* an other reads with both: weighed */
                PyObject *found = Py_BuildValue("(iOO)", i, before, after);
                r = found == NULL || PyList_Append(out, found) < 0 ? -1 : 0;
                Py_XDECREF(found);
            }
        }
        else if (r == 1)
            r = 0; /* the word reads with both neighbours: the common case */
        Py_DECREF(before);
        Py_DECREF(after);
        if (r < 0)
            goto fail;
    }
    goto done;
fail:
    Py_CLEAR(out);
done:
    if (chosen.obj)
        PyBuffer_Release(&chosen);
    if (ids.obj)
        PyBuffer_Release(&ids);
    if (starts.obj)
        PyBuffer_Release(&starts);
    return out;
}

/* may_double(text): False when no word of `text` can be followed, across white space only, by
 * itself in any case: when `\b(\w+)(\s+)(\1)\b` (re.IGNORECASE, NL103's pattern) cannot match.
 * A match is a whole run of \w (it starts at a boundary, and the boundary after the repeat ends
 * it too), a run of white space, and a whole run of \w as long, equal letter by letter ignoring
 * case: two neighbouring runs as long, their ASCII letters equal ignoring case and any other
 * characters taken as maybe equal (True: the caller runs the pattern). */
/* Append the int `i` to the list `out`: 0, or -1 on an error. */
static int
append_index(PyObject *out, Py_ssize_t i)
{
    PyObject *v = PyLong_FromSsize_t(i);
    int r = v == NULL ? -1 : PyList_Append(out, v);
    Py_XDECREF(v);
    return r;
}

/* may_double's scan for one kind of str, inlined once for each kind (a plain load for each read). */
static ALWAYS_INLINE int
may_double_scan(int kind, const void *data, Py_ssize_t n, PyObject *out)
{
    Py_ssize_t i = 0, prev_start = -1, prev_len = 0;
    while (i < n) {
        Py_ssize_t start, j, k;
        int spaced;
        if (!IS_WORD(PyUnicode_READ(kind, data, i))) {
            i++;
            continue;
        }
        start = i;
        while (i < n && IS_WORD(PyUnicode_READ(kind, data, i)))
            i++;
        /* the run [start, i); is the previous run joined to it by white space alone? */
        spaced = prev_start >= 0;
        for (k = prev_start + prev_len; spaced && k < start; k++)
            if (!Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, k)))
                spaced = 0;
        if (spaced && prev_start + prev_len < start && i - start == prev_len) {
            int equal = 1;
            for (j = 0; j < prev_len && equal; j++) {
                Py_UCS4 a = PyUnicode_READ(kind, data, prev_start + j), b = PyUnicode_READ(kind, data, start + j);
                if (a < 128 && b < 128) {
                    if (a >= 'A' && a <= 'Z')
                        a += 'a' - 'A';
                    if (b >= 'A' && b <= 'Z')
                        b += 'a' - 'A';
                    equal = a == b;
                }
            }
            if (equal && out == NULL)
                return 1;
            if (equal && append_index(out, prev_start) < 0)
                return -1;
        }
        prev_start = start;
        prev_len = i - start;
    }
    return 0;
}

#if defined(__SSE2__)
#include <emmintrin.h>
/* may_double_scan over a one-byte text, sixteen bytes at a time: the word characters of a block
 * as bits, the runs of word characters read from where they start and end (no test of each
 * letter), and the characters between two neighbouring runs read only when the runs are as
 * long. The same answer as may_double_scan. */

/* s[pos:pos+16]'s word characters (re's \w) as bits; a block with a byte past 127 is read a
 * character at a time. */
static ALWAYS_INLINE unsigned
md_block(const Py_UCS1 *s, Py_ssize_t n, Py_ssize_t pos)
{
    __m128i x, low, words;
    unsigned w = 0;
    int k;
    if (pos + 16 <= n) {
        x = _mm_loadu_si128((const __m128i *)(s + pos));
        if (_mm_movemask_epi8(x) == 0) {
            low = _mm_or_si128(x, _mm_set1_epi8(0x20));
            words = _mm_or_si128(
                _mm_and_si128(_mm_cmpgt_epi8(low, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(low, _mm_set1_epi8('z' + 1))),
                _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1))));
            words = _mm_or_si128(words, _mm_cmpeq_epi8(x, _mm_set1_epi8('_')));
            return (unsigned)_mm_movemask_epi8(words);
        }
    }
    for (k = 0; k < 16 && pos + k < n; k++)
        if (IS_WORD(s[pos + k]))
            w |= 1u << k;
    return w;
}

/* Whether two runs of `len` word characters are equal letter by letter, their ASCII letters
 * ignoring case and any other characters taken as maybe equal (may_double_scan's test). */
static ALWAYS_INLINE int
md_equal(const Py_UCS1 *x, const Py_UCS1 *y, Py_ssize_t len)
{
    Py_ssize_t j;
    for (j = 0; j < len; j++) {
        Py_UCS1 a = x[j], c = y[j];
        if (a < 128 && c < 128) {
            if (a >= 'A' && a <= 'Z')
                a += 'a' - 'A';
            if (c >= 'A' && c <= 'Z')
                c += 'a' - 'A';
            if (a != c)
                return 0;
        }
    }
    return 1;
}

/* Whether s[from:to] (the characters between two runs of word characters) is white space alone
 * (str.isspace): read only for two neighbouring runs as long, a few in a story of hundreds. */
static ALWAYS_INLINE int
md_spaced(const Py_UCS1 *s, Py_ssize_t from, Py_ssize_t to)
{
    for (; from < to; from++)
        if (!Py_UNICODE_ISSPACE(s[from]))
            return 0;
    return 1;
}

/* Each run's bounds read from the block's bits; whether two runs are joined by white space alone
 * asked only of neighbouring runs as long (`md_spaced`), not of every run as it starts. */
static int
may_double_blocks(const Py_UCS1 *s, Py_ssize_t n, PyObject *out)
{
    Py_ssize_t b, prev_start = -1, prev_len = 0, run_start = 0;
    unsigned carry = 0; /* 1: the character before the block is a word character */
    for (b = 0; b < n; b += 16) {
        unsigned words = md_block(s, n, b), after = (words << 1) | carry;
        unsigned valid = n - b >= 16 ? 0xffffu : (1u << (n - b)) - 1;
        /* the places a run starts, and the places one ends (the character after it) */
        unsigned events = (words ^ after) & valid;
        carry = words >> 15;
        while (events) {
            int t = __builtin_ctz(events);
            Py_ssize_t at = b + t;
            events &= events - 1;
            if ((words >> t) & 1) /* a run starts */
                run_start = at;
            else { /* the run ends before `at` (prev_len is 0 before the first: no run is empty) */
                Py_ssize_t len = at - run_start;
                if (len == prev_len && md_spaced(s, prev_start + prev_len, run_start) &&
                    md_equal(s + prev_start, s + run_start, len)) {
                    if (out == NULL)
                        return 1;
                    if (append_index(out, prev_start) < 0)
                        return -1;
                }
                prev_start = run_start;
                prev_len = len;
            }
        }
    }
    if (n > 0 && IS_WORD(s[n - 1]) /* a run ends the text */
        && n - run_start == prev_len && md_spaced(s, prev_start + prev_len, run_start) &&
        md_equal(s + prev_start, s + run_start, prev_len))
        return out == NULL ? 1 : append_index(out, prev_start);
    return 0;
}
#endif

/* may_double's scan of any str; with `out` (a list), the start of every run of word characters
 * the next run may repeat is appended to it and the whole text read (0, or -1 on an error). */
static int
may_double_any(PyObject *text, PyObject *out)
{
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
#if defined(__SSE2__)
        return may_double_blocks((const Py_UCS1 *)data, n, out);
#else
        return may_double_scan(PyUnicode_1BYTE_KIND, data, n, out);
#endif
    case PyUnicode_2BYTE_KIND:
        return may_double_scan(PyUnicode_2BYTE_KIND, data, n, out);
    default:
        return may_double_scan(PyUnicode_4BYTE_KIND, data, n, out);
    }
}

static PyObject *
may_double(PyObject *self, PyObject *text)
{
    if (BAD_STR_O(text))
        return NULL;
    return PyBool_FromLong(may_double_any(text, NULL));
}

/* double_starts(text): the start of every run of word characters that the next run, across white
 * space alone, may repeat (may_double's test: as long, ASCII letters equal ignoring case, other
 * characters maybe equal), in order: the only places NL103's pattern can match (its twin is
 * newslint.native's _double_starts). */
static PyObject *
double_starts(PyObject *self, PyObject *text)
{
    PyObject *out;
    if (BAD_STR_O(text))
        return NULL;
    if ((out = PyList_New(0)) == NULL)
        return NULL;
    if (may_double_any(text, out) < 0) {
        Py_DECREF(out);
        return NULL;
    }
    return out;
}

/* --- figures: where a story's runs of digits lie, for the patterns that open with a digit --- */

/* A growing run of offsets, each 4 bytes (int32) or 8 (int64), as an array("i") or ("q") holds
 * them: digit_runs' answer, made into bytes at its end. */
typedef struct {
    char *data;
    Py_ssize_t size, room; /* in bytes */
    int wide; /* 8-byte items */
} OffsetRun;

static int
offset_run_add(OffsetRun *run, Py_ssize_t value)
{
    Py_ssize_t item = run->wide ? 8 : 4;
    if (run->size + item > run->room) {
        Py_ssize_t room = run->room ? run->room * 2 : 64 * item;
        char *grown = PyMem_Realloc(run->data, (size_t)room);
        if (grown == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        run->data = grown, run->room = room;
    }
    if (run->wide) {
        int64_t v = (int64_t)value;
        memcpy(run->data + run->size, &v, 8);
    } else {
        int32_t v = (int32_t)value;
        memcpy(run->data + run->size, &v, 4);
    }
    run->size += item;
    return 0;
}

#if defined(__SSE2__)
/* digit_runs over a one-byte text: the digits (Latin-1 holds no decimal digit but 0-9) found
 * sixteen bytes at a time, a story being mostly letters; each run then walked as
 * digit_runs' scan walks it, the character before it read back. The same runs in the same order.
 * -1 with an error set, else 0. */
static int
digit_runs_blocks(const Py_UCS1 *s, Py_ssize_t n, OffsetRun *starts, OffsetRun *lasts)
{
    const __m128i below = _mm_set1_epi8('0' - 1), above = _mm_set1_epi8('9' + 1);
    Py_ssize_t i = 0;
    while (i < n) {
        Py_ssize_t j;
        if (i + 16 <= n) {
            __m128i x = _mm_loadu_si128((const __m128i *)(s + i));
            unsigned digits =
                (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(x, below), _mm_cmplt_epi8(x, above)));
            if (!digits) {
                i += 16;
                continue;
            }
            i += __builtin_ctz(digits);
        } else {
            while (i < n && (unsigned)(s[i] - '0') > 9)
                i++;
            if (i == n)
                break;
        }
        if (!(i > 0 && IS_WORD(s[i - 1])) && offset_run_add(starts, i) < 0)
            return -1;
        for (j = i + 1; j < n && (unsigned)(s[j] - '0') <= 9; j++)
            ;
        if (offset_run_add(lasts, j - 1) < 0)
            return -1;
        i = j;
    }
    return 0;
}
#endif

/* space_runs(text): where NL501's `_SPACE_RUN`, "  (?<=\S  ) *(?=\S)", matches in a text: a list
 * of (start, end) of each run of two or more spaces (U+0020) that a character other than white
 * space precedes and follows. A run's start is found sixteen bytes at a time in a one-byte text
 * (most stories hold a run of spaces, and most runs are indentation after a line break, which
 * fails at its first look). Its twin is rules/typography/double_space.py's `_space_run_spans`. */
static PyObject *
space_runs(PyObject *self, PyObject *text)
{
    PyObject *out;
    Py_ssize_t i = 0, j, n;
    int kind;
    const void *data;
    if (BAD_STR_O(text))
        return NULL;
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    n = PyUnicode_GET_LENGTH(text);
    if ((out = PyList_New(0)) == NULL)
        return NULL;
    while (i + 1 < n) {
#if defined(__SSE2__)
        if (kind == PyUnicode_1BYTE_KIND) {
            const Py_UCS1 *s = (const Py_UCS1 *)data;
            const __m128i space = _mm_set1_epi8(' ');
            int found = 0;
            while (i + 17 <= n) {
                __m128i here = _mm_loadu_si128((const __m128i *)(s + i)),
                        next = _mm_loadu_si128((const __m128i *)(s + i + 1));
                unsigned pairs = (unsigned)_mm_movemask_epi8(
                    _mm_and_si128(_mm_cmpeq_epi8(here, space), _mm_cmpeq_epi8(next, space)));
                if (pairs) {
                    i += __builtin_ctz(pairs);
                    found = 1;
                    break;
                }
                i += 16;
            }
            if (!found)
                while (i + 1 < n && !(s[i] == ' ' && s[i + 1] == ' '))
                    i++;
        } else
#endif
            while (i + 1 < n && !(PyUnicode_READ(kind, data, i) == ' ' && PyUnicode_READ(kind, data, i + 1) == ' '))
                i++;
        if (i + 1 >= n)
            break;
        /* text[i:i + 2] are the first two spaces of a run: the scan began at a character that is
         * no space, or at the text's start */
        for (j = i + 2; j < n && PyUnicode_READ(kind, data, j) == ' '; j++)
            ;
        if (i > 0 && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i - 1)) && j < n &&
            !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, j))) {
            PyObject *run = ssize_pair(i, j);
            if (run == NULL || PyList_Append(out, run) < 0) {
                Py_XDECREF(run);
                Py_DECREF(out);
                return NULL;
            }
            Py_DECREF(run);
        }
        i = j;
    }
    return out;
}

/* digit_runs(text): (starts, lasts), two bytes objects of offsets, native int32 each (int64 when
 * the text is longer than 2**31 - 1 characters), what array("i") (or "q") reads with no int object
 * made a run (newslint.figures.digit_runs makes the document's compact arrays of them): the first
 * digit of each run of decimal digits (regex \d) that no word character (\w) precedes, and the
 * last digit of every run. A pattern that can only start at one of them is tried there alone
 * (matches_at). */
static PyObject *
digit_runs(PyObject *self, PyObject *text)
{
    OffsetRun starts = {NULL, 0, 0, 0}, lasts = {NULL, 0, 0, 0};
    PyObject *found = NULL;
    Py_ssize_t i, n;
    int kind;
    const void *data;
    Py_UCS4 before = 0; /* the character before i; 0 (no \w) at the start */
    if (BAD_STR_O(text))
        return NULL;
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    n = PyUnicode_GET_LENGTH(text);
    starts.wide = lasts.wide = n > 2147483647;
#if defined(__SSE2__)
    if (kind == PyUnicode_1BYTE_KIND) {
        if (digit_runs_blocks((const Py_UCS1 *)data, n, &starts, &lasts) < 0)
            goto done;
        n = 0; /* the scan below has nothing left to read */
    }
#endif
    for (i = 0; i < n; i++) {
        Py_UCS4 ch;
        if (kind == PyUnicode_1BYTE_KIND) {
            /* Latin-1 holds no decimal digit but 0-9: the other characters are passed over in a
             * tight loop (a story is mostly letters), and `before` read back at a digit */
            const Py_UCS1 *s = (const Py_UCS1 *)data;
            while (i < n && (unsigned)(s[i] - '0') > 9)
                i++;
            if (i == n)
                break;
            before = i > 0 ? s[i - 1] : 0;
        }
        ch = PyUnicode_READ(kind, data, i);
        if (IS_DIGIT(ch)) {
            Py_ssize_t j = i + 1;
            if (!IS_WORD(before) && offset_run_add(&starts, i) < 0)
                goto done;
            while (j < n && IS_DIGIT(PyUnicode_READ(kind, data, j)))
                j++;
            if (offset_run_add(&lasts, j - 1) < 0)
                goto done;
            i = j - 1;
            ch = PyUnicode_READ(kind, data, i);
        }
        before = ch;
    }
    {
        PyObject *items[2] = {PyBytes_FromStringAndSize(starts.data ? starts.data : "", starts.size),
                              PyBytes_FromStringAndSize(lasts.data ? lasts.data : "", lasts.size)};
        found = tuple_of_new(2, items);
    }
done:
    PyMem_Free(starts.data);
    PyMem_Free(lasts.data);
    return found;
}

/* matches_at(match, text, starts): what pattern.finditer(text) finds, for a pattern whose every
 * match starts at one of `starts` (ascending offsets) and is not empty: `match` (the pattern's
 * bound match method) tried at each start that is not inside the last match found. */
static PyObject *
matches_at(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *match, *text, *starts, *found;
    Py_ssize_t i, n, next = 0;
    if (BAD_COUNT(3, 3) || BAD_STR(1))
        return NULL;
    match = args[0], text = args[1], starts = args[2];
    /* any sequence of ints: a list, or the compact array a document keeps its runs in */
    n = PySequence_Length(starts);
    if (n < 0)
        return NULL;
    found = PyList_New(0);
    if (found == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        PyObject *start = PySequence_GetItem(starts, i), *m, *end;
        PyObject *call[2];
        Py_ssize_t at, stop;
        if (start == NULL)
            goto fail;
        at = PyLong_AsSsize_t(start);
        if ((at == -1 && PyErr_Occurred()) || at < next) {
            Py_DECREF(start);
            if (PyErr_Occurred())
                goto fail;
            continue;
        }
        call[0] = text;
        call[1] = start;
        m = PyObject_Vectorcall(match, call, 2, NULL);
        Py_DECREF(start);
        if (m == NULL)
            goto fail;
        if (m == Py_None) {
            Py_DECREF(m);
            continue;
        }
        end = PyObject_CallMethod(m, "end", NULL);
        stop = end == NULL ? -1 : PyLong_AsSsize_t(end);
        Py_XDECREF(end);
        if (stop <= at) {
            Py_DECREF(m);
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "matches_at: an empty match");
            goto fail;
        }
        next = stop;
        if (PyList_Append(found, m) < 0) {
            Py_DECREF(m);
            goto fail;
        }
        Py_DECREF(m);
    }
    return found;
fail:
    Py_DECREF(found);
    return NULL;
}

/* A test of one start `at` (>= 0) of a text of `n` characters: nonzero keeps it. */
typedef int (*start_test)(int kind, const void *data, Py_ssize_t n, Py_ssize_t at, void *state);

/* A sequence of offsets read as C integers: the compact array a document keeps its runs of digits
 * in (`newslint.span.offsets`, typecode "i" or "q") is read in place through its buffer, with no
 * list of int objects made from it on every call (PySequence_Fast made one: a tenth of the number
 * rules' instructions); any other sequence through PySequence_Fast. */
typedef struct {
    Py_buffer view;
    int in_place; /* 1: `view` holds the array's items, 4 or 8 bytes each */
    PyObject *seq; /* else the PySequence_Fast of the sequence */
    Py_ssize_t count;
} Offsets;

static int
offsets_open(PyObject *obj, const char *message, Offsets *o)
{
    o->in_place = 0;
    o->seq = NULL;
    if (PyObject_CheckBuffer(obj) && !PyBytes_Check(obj) && !PyByteArray_Check(obj) &&
        PyObject_GetBuffer(obj, &o->view, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) == 0) {
        const char *f = o->view.format;
        if (o->view.ndim == 1 && f != NULL && f[0] != 0 && f[1] == 0 &&
            ((f[0] == 'i' && o->view.itemsize == 4) || ((f[0] == 'q' || f[0] == 'l') && o->view.itemsize == 8))) {
            o->in_place = 1;
            o->count = o->view.len / o->view.itemsize;
            return 0;
        }
        PyBuffer_Release(&o->view);
    }
    PyErr_Clear();
    o->seq = PySequence_Fast(obj, message);
    if (o->seq == NULL)
        return -1;
    o->count = PySequence_Fast_GET_SIZE(o->seq);
    return 0;
}

/* Item i as a Py_ssize_t (-1 with an exception set on an error). */
static Py_ssize_t
offsets_get(Offsets *o, Py_ssize_t i)
{
    if (o->in_place)
        return o->view.itemsize == 4 ? (Py_ssize_t)((const int32_t *)o->view.buf)[i]
                                     : (Py_ssize_t)((const int64_t *)o->view.buf)[i];
    return PyLong_AsSsize_t(PySequence_Fast_GET_ITEM(o->seq, i));
}

/* Append item i, whose value is `at`, to `out`: the sequence's own object, or a new int. */
static int
offsets_append(Offsets *o, Py_ssize_t i, Py_ssize_t at, PyObject *out)
{
    PyObject *item;
    int failed;
    if (!o->in_place)
        return PyList_Append(out, PySequence_Fast_GET_ITEM(o->seq, i));
    item = PyLong_FromSsize_t(at);
    if (item == NULL)
        return -1;
    failed = PyList_Append(out, item);
    Py_DECREF(item);
    return failed;
}

static void
offsets_close(Offsets *o)
{
    if (o->in_place)
        PyBuffer_Release(&o->view);
    Py_XDECREF(o->seq);
}

/* The items of `starts` (offsets into `text`, ints) that `keep` keeps, in their order: the walk
 * that marked_starts and four_digit_starts share. `message` is the error for a non-sequence. */
static PyObject *
kept_starts(PyObject *text, PyObject *starts, const char *message, start_test keep, void *state)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), i;
    Offsets seq;
    PyObject *out;
    if (offsets_open(starts, message, &seq) < 0)
        return NULL;
    out = PyList_New(0);
    for (i = 0; out != NULL && i < seq.count; i++) {
        Py_ssize_t at = offsets_get(&seq, i);
        if (at == -1 && PyErr_Occurred()) {
            Py_CLEAR(out);
            break;
        }
        if (at >= 0 && keep(kind, data, n, at, state) && offsets_append(&seq, i, at, out) < 0)
            Py_CLEAR(out);
    }
    offsets_close(&seq);
    return out;
}

/* marked_starts' joiners and marks, and the last figure walked, [first, end), with its answer: a
 * start inside it (a later group of "1,234,567") ends there too, so a long chain of groups is
 * walked once, not once a group. With mark words (`words`, `count_words` of them, lowercase
 * ASCII) a mark is one of the words, its ASCII letters in either case, not one character. */
#define MARK_WORDS 16
#define MARK_WORD_SIZE 8
typedef struct {
    const char *joiners, *marks;
    Py_ssize_t first, end;
    int marked;
    int count_words;
    char words[MARK_WORDS][MARK_WORD_SIZE + 1];
    unsigned char opens[128]; /* 1 for each ASCII character a mark word opens with, in either case */
} MarkedWalk;

/* Whether one of the walk's mark words stands at j (its ASCII letters in either case). */
static int
mark_word_at(const MarkedWalk *walk, int kind, const void *data, Py_ssize_t n, Py_ssize_t j)
{
    int w, k;
    Py_UCS4 first;
    if (j >= n || (first = PyUnicode_READ(kind, data, j)) >= 128 || !walk->opens[first])
        return 0; /* most figures: a character no word opens with, one look */
    for (w = 0; w < walk->count_words; w++) {
        const char *word = walk->words[w];
        for (k = 0; word[k]; k++) {
            Py_UCS4 ch;
            if (j + k >= n || (ch = PyUnicode_READ(kind, data, j + k)) >= 128)
                break;
            if (IS_ASCII_UPPER(ch))
                ch += 'a' - 'A';
            if (ch != (Py_UCS4)(unsigned char)word[k])
                break;
        }
        if (!word[k])
            return 1;
    }
    return 0;
}

static int
marked_start(int kind, const void *data, Py_ssize_t n, Py_ssize_t j, void *state)
{
    MarkedWalk *walk = state;
    Py_UCS4 ch;
    if (walk->first <= j && j < walk->end)
        return walk->marked;
    walk->first = j;
    for (;;) {
        while (j < n && IS_DIGIT(PyUnicode_READ(kind, data, j)))
            j++;
        if (j + 1 < n && (ch = PyUnicode_READ(kind, data, j)) < 128 && ch && strchr(walk->joiners, (int)ch) &&
            IS_DIGIT(PyUnicode_READ(kind, data, j + 1)))
            j++;
        else
            break;
    }
    walk->end = j;
    if (j < n && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, j)))
        j++;
    if (walk->marks == NULL)
        walk->marked = mark_word_at(walk, kind, data, n, j);
    else
        walk->marked = j < n && (ch = PyUnicode_READ(kind, data, j)) < 128 && ch && strchr(walk->marks, (int)ch);
    return walk->marked;
}

/* marked_starts(text, starts, joiners, marks): the figure starts (digit_runs' first digits) whose
 * figure is followed by a mark, or by one white-space character and then a mark; the figure being
 * the run of digits from the start, joined to the next run by one of `joiners` ("1,234.5" with
 * ".,"). `marks`: a str, each of its characters a mark, or a tuple of words (lowercase ASCII, one
 * to eight characters, up to sixteen), each a mark in any case of its letters ("pm" for "pm",
 * "PM", "pM"). A pattern whose figure is such a stretch and is followed by an optional space and
 * a mark (neither a digit nor a joiner) can only match at these (NL403, NL404, NL413): its twin
 * is rules/numbers/_common.py's `_marked_starts`. */
/* Read marked_starts' marks (args[i], of the function `name`: a str of mark characters or a
 * tuple of mark words) into `walk`, with its joiners; a fresh walk (no figure walked yet). -1
 * with an error set. */
static int
marked_walk_init(MarkedWalk *walk, const char *joiners, const char *name, PyObject *const *args, Py_ssize_t i)
{
    PyObject *marks = args[i];
    walk->joiners = joiners;
    walk->marks = NULL;
    walk->first = walk->end = -1;
    walk->marked = walk->count_words = 0;
    memset(walk->opens, 0, sizeof walk->opens);
    if (PyTuple_Check(marks)) {
        Py_ssize_t w, count = PyTuple_GET_SIZE(marks);
        if (count > MARK_WORDS) {
            PyErr_SetString(PyExc_ValueError, "marked_starts: more than 16 mark words");
            return -1;
        }
        for (w = 0; w < count; w++) {
            PyObject *word = PyTuple_GET_ITEM(marks, w);
            Py_ssize_t size, k;
            const char *utf8;
            if (!PyUnicode_Check(word)) {
                PyErr_SetString(PyExc_TypeError, "marked_starts: a mark word must be a str");
                return -1;
            }
            utf8 = PyUnicode_AsUTF8AndSize(word, &size);
            if (utf8 == NULL)
                return -1;
            if (size < 1 || size > MARK_WORD_SIZE || !PyUnicode_IS_ASCII(word)) {
                PyErr_SetString(PyExc_ValueError, "marked_starts: a mark word is 1 to 8 ASCII characters");
                return -1;
            }
            for (k = 0; k < size; k++) {
                if (utf8[k] == 0 || IS_ASCII_UPPER((Py_UCS4)utf8[k])) {
                    PyErr_SetString(PyExc_ValueError, "marked_starts: a mark word is lowercase, with no null");
                    return -1;
                }
                walk->words[w][k] = utf8[k];
            }
            walk->words[w][size] = 0;
            walk->opens[(unsigned char)utf8[0]] = 1;
            if (utf8[0] >= 'a' && utf8[0] <= 'z')
                walk->opens[(unsigned char)(utf8[0] - 'a' + 'A')] = 1;
        }
        walk->count_words = (int)count;
        return 0;
    }
    return utf8_arg(name, args, i, &walk->marks);
}

/* marked_starts(text, starts, joiners, marks): the figure starts (digit_runs' first digits) whose
 * figure is followed by a mark, or by one white-space character and then a mark; the figure being
 * the run of digits from the start, joined to the next run by one of `joiners` ("1,234.5" with
 * ".,"). `marks`: a str, each of its characters a mark, or a tuple of words (lowercase ASCII, one
 * to eight characters, up to sixteen), each a mark in any case of its letters ("pm" for "pm",
 * "PM", "pM"). A pattern whose figure is such a stretch and is followed by an optional space and
 * a mark (neither a digit nor a joiner) can only match at these (NL403, NL404, NL413): its twin
 * is rules/numbers/_common.py's `_marked_starts`. */
static PyObject *
marked_starts(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    const char *joiners = NULL;
    MarkedWalk walk;
    if (BAD_COUNT(4, 4) || BAD_STR(0) || BAD_UTF8(2, joiners) || marked_walk_init(&walk, joiners, __func__, args, 3) < 0)
        return NULL;
    return kept_starts(args[0], args[1], "marked_starts: the starts must be a sequence", marked_start, &walk);
}

#define MARKED_SPECS 4

/* The specs tuple marked_starts_many last read (a reference held) and its walks, fresh: a tuple
 * of str is immutable, so the same tuple reads the same. */
static PyObject *marked_specs_read;
static MarkedWalk marked_walks_read[MARKED_SPECS];

/* marked_starts_many(text, starts, specs): a tuple of `marked_starts(text, starts, joiners,
 * marks)` for each (joiners, marks) of `specs` (a tuple of one to four), `starts` read once: the
 * figures NL403, NL404 and NL413 read, found in one call for the three of them. Its twin is
 * rules/numbers/_common.py's `_marked_starts_many`. */
static PyObject *
marked_starts_many(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    MarkedWalk walks[MARKED_SPECS];
    PyObject *text, *specs, *found[MARKED_SPECS] = {NULL}, *out = NULL;
    Py_ssize_t count, k, i, n;
    Offsets seq;
    const void *data;
    int kind;
    if (BAD_COUNT(3, 3) || BAD_STR(0))
        return NULL;
    text = args[0], specs = args[2];
    if (!PyTuple_Check(specs) || (count = PyTuple_GET_SIZE(specs)) < 1 || count > MARKED_SPECS) {
        PyErr_SetString(PyExc_ValueError, "marked_starts_many: the specs must be a tuple of one to four");
        return NULL;
    }
    if (specs == marked_specs_read) /* the rules' one tuple, every story: its walks read once */
        memcpy(walks, marked_walks_read, sizeof walks);
    else {
        for (k = 0; k < count; k++) {
            PyObject *spec = PyTuple_GET_ITEM(specs, k);
            const char *joiners = NULL;
            if (!PyTuple_Check(spec) || PyTuple_GET_SIZE(spec) != 2) {
                PyErr_SetString(PyExc_ValueError, "marked_starts_many: each spec is a (joiners, marks) pair");
                return NULL;
            }
            if (utf8_arg(__func__, &PyTuple_GET_ITEM(spec, 0), 0, &joiners) < 0 ||
                marked_walk_init(&walks[k], joiners, __func__, &PyTuple_GET_ITEM(spec, 0), 1) < 0)
                return NULL;
        }
        /* kept for the next call with this tuple: the UTF-8 of its str, which `joiners` and
         * `marks` point into, lives as long as the tuple */
        Py_INCREF(specs);
        Py_XSETREF(marked_specs_read, specs);
        memcpy(marked_walks_read, walks, sizeof walks);
    }
    if (offsets_open(args[1], "marked_starts_many: the starts must be a sequence", &seq) < 0)
        return NULL;
    for (k = 0; k < count; k++)
        if ((found[k] = PyList_New(0)) == NULL)
            goto done;
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    n = PyUnicode_GET_LENGTH(text);
    for (i = 0; i < seq.count; i++) {
        Py_ssize_t at = offsets_get(&seq, i);
        if (at == -1 && PyErr_Occurred())
            goto done;
        if (at < 0)
            continue;
        for (k = 0; k < count; k++)
            if (marked_start(kind, data, n, at, &walks[k]) && offsets_append(&seq, i, at, found[k]) < 0)
                goto done;
    }
    if ((out = PyTuple_New(count)) != NULL)
        for (k = 0; k < count; k++) {
            PyTuple_SET_ITEM(out, k, found[k]);
            found[k] = NULL;
        }
done:
    offsets_close(&seq);
    for (k = 0; k < count; k++)
        Py_XDECREF(found[k]);
    return out;
}

/* digit_joints(text, lasts): what NL401 reads after the last digit of each run of digits (`lasts`,
 * digit_runs' second list): (the set of the separators ".,'’\u202f\u2009 " that stand between two
 * digits; whether a full stop and three digits follow one; the starts of the runs of one to three
 * digits that a comma and one or two digits follow, the only places a decimal comma, "3,5%", can
 * start: not "1,234").
 * One call where a loop in Python read each run; its twin is
 * rules/numbers/european_number_format.py's `_digit_joints`. */
static PyObject *
digit_joints(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    static const Py_UCS4 separators[] = {'.', ',', '\'', 0x2019, 0x202f, 0x2009, ' '};
    const int count_separators = (int)(sizeof separators / sizeof separators[0]);
    PyObject *text, *lasts, *commas, *found = NULL;
    Offsets seq;
    Py_ssize_t n, i;
    int kind, k, dots = 0;
    unsigned seen = 0; /* bit k: separators[k] stands between two digits */
    const void *data;
    if (BAD_COUNT(2, 2) || BAD_STR(0))
        return NULL;
    text = args[0], lasts = args[1];
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    n = PyUnicode_GET_LENGTH(text);
    if (offsets_open(lasts, "digit_joints: the lasts must be a sequence", &seq) < 0)
        return NULL;
    commas = PyList_New(0);
    for (i = 0; commas != NULL && i < seq.count; i++) {
        Py_ssize_t last = offsets_get(&seq, i), start;
        Py_UCS4 ch;
        if (last == -1 && PyErr_Occurred()) {
            Py_CLEAR(commas);
            break;
        }
        if (last < 0 || last + 2 >= n || !IS_DIGIT(PyUnicode_READ(kind, data, last + 2)))
            continue; /* no separator between two digits here */
        ch = PyUnicode_READ(kind, data, last + 1);
        for (k = 0; k < count_separators && separators[k] != ch; k++)
            ;
        if (k == count_separators)
            continue;
        seen |= 1u << k;
        if (ch == '.' && last + 4 < n && IS_DIGIT(PyUnicode_READ(kind, data, last + 3)) &&
            IS_DIGIT(PyUnicode_READ(kind, data, last + 4)))
            dots = 1;
        if (ch != ',' || (last + 4 < n && IS_DIGIT(PyUnicode_READ(kind, data, last + 3)) &&
                          IS_DIGIT(PyUnicode_READ(kind, data, last + 4))))
            continue; /* a decimal comma has one or two digits after it: not "1,234" */
        /* the run of digits that ends at `last`, when it holds three digits or fewer */
        for (start = last; start > 0 && IS_DIGIT(PyUnicode_READ(kind, data, start - 1));) {
            start--;
            if (last - start >= 3)
                break;
        }
        if (last - start < 3) {
            PyObject *at = PyLong_FromSsize_t(start);
            if (at == NULL || PyList_Append(commas, at) < 0)
                Py_CLEAR(commas);
            Py_XDECREF(at);
        }
    }
    offsets_close(&seq);
    if (commas == NULL)
        return NULL;
    found = PySet_New(NULL);
    for (k = 0; found != NULL && k < count_separators; k++) {
        PyObject *one;
        if (!(seen & (1u << k)))
            continue;
        one = PyUnicode_FromOrdinal((int)separators[k]);
        if (one == NULL || PySet_Add(found, one) < 0)
            Py_CLEAR(found);
        Py_XDECREF(one);
    }
    if (found == NULL) {
        Py_DECREF(commas);
        return NULL;
    }
    {
        PyObject *items[3] = {found, Py_NewRef(dots ? Py_True : Py_False), commas};
        return tuple_of_new(3, items);
    }
}

/* four_digit_starts(text, starts): the figure starts (digit_runs' first digits) that NL402 reads:
 * a figure that opens with 1-9 and is four digits ("2500") or one digit, a comma and three
 * ("2,500"), no digit after it; a bare one from 1000 to 2099 only after a currency sign, NL402
 * passing over the others as years. Most figures are neither, and its pattern is tried at none of
 * them; its twin is rules/numbers/thousands_separator_mix.py's `_four_digit_starts`. */
static int
four_digit_start(int kind, const void *data, Py_ssize_t n, Py_ssize_t s, void *state)
{
    Py_ssize_t j, k;
    Py_UCS4 first, before;
    int value;
    (void)state;
    if (s + 1 >= n || (first = PyUnicode_READ(kind, data, s)) < '1' || first > '9')
        return 0;
    j = PyUnicode_READ(kind, data, s + 1) == ',' ? s + 2 : s + 1; /* the group of three */
    if (j + 3 > n || (j + 3 < n && IS_DIGIT(PyUnicode_READ(kind, data, j + 3))))
        return 0;
    value = (int)(first - '0');
    for (k = j; k < j + 3 && IS_DIGIT(PyUnicode_READ(kind, data, k)); k++)
        value = value * 10 + Py_UNICODE_TODECIMAL(PyUnicode_READ(kind, data, k));
    if (k < j + 3)
        return 0;
    before = s > 0 ? PyUnicode_READ(kind, data, s - 1) : 0;
    /* a year: NL402 reads a bare one only after a currency sign */
    return !(j == s + 1 && value >= 1000 && value <= 2099 && before != '$' && before != 0xa3 &&
             before != 0x20ac && before != 0xa5);
}

static PyObject *
four_digit_starts(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *starts;
    if (BAD_COUNT(2, 2) || BAD_STR(0))
        return NULL;
    text = args[0], starts = args[1];
    return kept_starts(text, starts, "four_digit_starts: the starts must be a sequence", four_digit_start, NULL);
}

/* group_starts(text, runs, mark): the runs of digits (their first digits, ascending) of one to
 * three digits that `mark` (one character) and three digits follow: where NL401's grouped figures
 * (`_MULTI_DOT`, `_ONE_DOT`, `_SPACE_GROUPS`, `_ENGLISH_GROUPED`) may match. Its twin is
 * rules/numbers/european_number_format.py's `_group_starts`; the walk in Python cost about what the
 * regex calls it spared did. */
static int
group_start(int kind, const void *data, Py_ssize_t n, Py_ssize_t s, void *state)
{
    Py_UCS4 mark = *(const Py_UCS4 *)state;
    Py_ssize_t end = s + 1, k;
    while (end < n && end - s <= 3 && IS_DIGIT(PyUnicode_READ(kind, data, end)))
        end++;
    if (end - s > 3 || end + 4 > n || PyUnicode_READ(kind, data, end) != mark)
        return 0;
    for (k = end + 1; k < end + 4; k++)
        if (!IS_DIGIT(PyUnicode_READ(kind, data, k)))
            return 0;
    return 1;
}

static PyObject *
group_starts(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_UCS4 mark;
    if (BAD_COUNT(3, 3) || BAD_STR(0) || BAD_STR(2))
        return NULL;
    if (PyUnicode_GET_LENGTH(args[2]) != 1) {
        PyErr_SetString(PyExc_ValueError, "group_starts: the mark must be one character");
        return NULL;
    }
    mark = PyUnicode_READ_CHAR(args[2], 0);
    return kept_starts(args[0], args[1], "group_starts: the runs must be a sequence", group_start, &mark);
}

/* decimal_starts(text, runs): the runs of digits (their first digits, ascending) that a full stop
 * and two digits follow: where NL401's `_FINE_DECIMAL` may match (its `\d+` is the whole run, as a
 * digit follows any shorter part of it, and its decimals open with two digits). Its twin is
 * rules/numbers/european_number_format.py's `_decimal_starts`. */
static int
decimal_start(int kind, const void *data, Py_ssize_t n, Py_ssize_t s, void *state)
{
    Py_ssize_t end = s;
    (void)state;
    while (end < n && IS_DIGIT(PyUnicode_READ(kind, data, end)))
        end++;
    return end > s && end + 3 <= n && PyUnicode_READ(kind, data, end) == '.' &&
           IS_DIGIT(PyUnicode_READ(kind, data, end + 1)) && IS_DIGIT(PyUnicode_READ(kind, data, end + 2));
}

static PyObject *
decimal_starts(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (BAD_COUNT(2, 2) || BAD_STR(0))
        return NULL;
    return kept_starts(args[0], args[1], "decimal_starts: the runs must be a sequence", decimal_start, NULL);
}

/* run_starts_into(text, found): each item of `found`, a writable array of the last digits of runs
 * of digits (typecode "i" or "q"), moved back to its run's first digit, in place: NL401's
 * `run_starts` without a Python step a digit. Its twin is european_number_format.py's
 * `_run_starts_into`. */
static PyObject *
run_starts_into(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer view;
    Py_ssize_t n, i, count;
    int kind;
    const void *data;
    const char *f;
    if (BAD_COUNT(2, 2) || BAD_STR(0))
        return NULL;
    if (PyObject_GetBuffer(args[1], &view, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS | PyBUF_WRITABLE) < 0)
        return NULL;
    f = view.format;
    if (view.ndim != 1 || f == NULL || f[0] == 0 || f[1] != 0 ||
        !((f[0] == 'i' && view.itemsize == 4) || ((f[0] == 'q' || f[0] == 'l') && view.itemsize == 8))) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_TypeError, "run_starts_into: found must be an array of typecode i or q");
        return NULL;
    }
    kind = PyUnicode_KIND(args[0]);
    data = PyUnicode_DATA(args[0]);
    n = PyUnicode_GET_LENGTH(args[0]);
    count = view.len / view.itemsize;
    for (i = 0; i < count; i++) {
        Py_ssize_t at = view.itemsize == 4 ? (Py_ssize_t)((int32_t *)view.buf)[i] : (Py_ssize_t)((int64_t *)view.buf)[i];
        while (at > 0 && at <= n && IS_DIGIT(PyUnicode_READ(kind, data, at - 1)))
            at--;
        if (view.itemsize == 4)
            ((int32_t *)view.buf)[i] = (int32_t)at;
        else
            ((int64_t *)view.buf)[i] = (int64_t)at;
    }
    PyBuffer_Release(&view);
    Py_RETURN_NONE;
}

/* Where the line holding byte `at` starts, no earlier than `lo`: the byte after the last newline
 * in [lo, at), else lo. A step of sorted_line's search lands inside a line of the pair tables,
 * thousands of bytes long: memrchr reads back to its start a word at a time, not a byte. */
static Py_ssize_t
line_start(const unsigned char *text, Py_ssize_t lo, Py_ssize_t at)
{
#ifdef __GLIBC__
    const unsigned char *newline = at > lo ? memrchr(text + lo, '\n', (size_t)(at - lo)) : NULL;
    return newline == NULL ? lo : newline - text + 1;
#else
    while (at > lo && text[at - 1] != '\n')
        at--;
    return at;
#endif
}

/* sorted_line(data, key, sep, mode): a binary search of a table of lines sorted by key (the
 * bytes before the first `sep` on a line, or the whole line; lines end with '\n', the last one
 * may not), read in place from any buffer (bytes, a memory map). Keys compare as bytes, which
 * for UTF-8 is the order of their code points (Python's order of str). mode 0: the start of the
 * line whose key is `key`, or -1; mode 1: the start of the first line whose key, cut to the
 * length of `key`, is not less than `key` (the buffer's length when there is none); mode 2: the
 * first whose cut key is greater. newslint.native._sorted_line is the pure-Python twin. (Its
 * search, shared with sorted_rest.) */
static Py_ssize_t
search_lines(const unsigned char *text, Py_ssize_t n, const unsigned char *wanted, Py_ssize_t size, int sep,
             int mode)
{
    Py_ssize_t lo = 0, hi = n, found = -1;
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2, start = line_start(text, lo, mid), cut;
        /* the key read only as far as the comparison needs (a line of the pair tables is
         * thousands of bytes): length size + 1 stands for any longer key */
        Py_ssize_t stop = n - start > size + 1 ? start + size + 1 : n;
        for (cut = start; cut < stop && text[cut] != sep && text[cut] != '\n'; cut++)
            ;
        Py_ssize_t length = cut - start;
        int order = memcmp(text + start, wanted, (size_t)(length < size ? length : size));
        if (order == 0 && length < size)
            order = -1;
        else if (order == 0 && length > size && mode == 0)
            order = 1;
        if (order == 0 && mode == 0) {
            found = start;
            break;
        }
        if (order < 0 || (order == 0 && mode == 2)) {
            const unsigned char *newline = memchr(text + cut, '\n', (size_t)(n - cut));
            lo = newline == NULL ? n + 1 : newline - text + 1;
        }
        else
            hi = start;
    }
    if (mode != 0)
        found = lo < n ? lo : n;
    return found;
}

static PyObject *
sorted_line(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer data = {0}, key = {0};
    int sep, mode;
    if (BAD_COUNT(4, 4) || BAD_BUFFER(0, data) || BAD_BUFFER(1, key) || BAD_INT(2, sep) || BAD_INT(3, mode)) {
        PyBuffer_Release(&data);
        PyBuffer_Release(&key);
        return NULL;
    }
    Py_ssize_t found = search_lines(data.buf, data.len, key.buf, key.len, sep, mode);
    PyBuffer_Release(&data);
    PyBuffer_Release(&key);
    return PyLong_FromSsize_t(found);
}

/* sorted_rest(data, key, sep): what follows `key` and `sep` on the line of a sorted table whose
 * key is `key` (bytes), decoded from UTF-8, or None when no line has it: sorted_line's search and
 * the line's rest read in one call (rules/_tables.py's SortedLines.rest, asked for a word's rank
 * and a table's rows thousands of times a run). newslint.native._sorted_rest is the twin. */
static PyObject *
sorted_rest(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer data = {0}, key = {0};
    int sep;
    PyObject *out;
    if (BAD_COUNT(3, 3) || BAD_BUFFER(0, data) || BAD_BUFFER(1, key) || BAD_INT(2, sep)) {
        PyBuffer_Release(&data);
        PyBuffer_Release(&key);
        return NULL;
    }
    const unsigned char *text = data.buf, *newline;
    Py_ssize_t at = search_lines(text, data.len, key.buf, key.len, sep, 0), start, end;
    if (at < 0)
        out = Py_NewRef(Py_None);
    else {
        start = at + key.len + 1;
        if (start > data.len)
            start = data.len;
        newline = memchr(text + start, '\n', (size_t)(data.len - start));
        end = newline == NULL ? data.len : newline - text;
        out = PyUnicode_DecodeUTF8((const char *)text + start, end - start, NULL);
    }
    PyBuffer_Release(&data);
    PyBuffer_Release(&key);
    return out;
}

/* line_filter(data, sep, bits): a filter of the keys of a table of lines (what precedes the
 * first `sep` on a line, or the whole line; lines end with '\n', the last one may not), as bytes
 * of 2**bits bits: each key's FNV-1a 64-bit hash sets bit (h & mask) and bit ((h >> 32) & mask).
 * may_hold(filter, word) answers False only for a word whose UTF-8 is no key: NL101 asks the
 * rare words (149,000 lines) about 20,000 new words a corpus, nearly all no rare word, each a
 * binary search of 17 steps (3,500 instructions) where the filter's test reads one byte or
 * two. Twins: newslint.native._line_filter and _may_hold. */
static uint64_t
fnv1a64(const unsigned char *s, Py_ssize_t n)
{
    uint64_t h = 14695981039346656037ULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static PyObject *
line_filter(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer data = {0};
    int sep, bits;
    if (BAD_COUNT(3, 3) || BAD_BUFFER(0, data) || BAD_INT(1, sep) || BAD_INT(2, bits)) {
        PyBuffer_Release(&data);
        return NULL;
    }
    if (bits < 3 || bits > 32) {
        PyBuffer_Release(&data);
        PyErr_SetString(PyExc_ValueError, "line_filter: bits must be from 3 to 32");
        return NULL;
    }
    uint64_t mask = (((uint64_t)1) << bits) - 1;
    PyObject *out = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)((mask + 1) >> 3));
    if (out == NULL) {
        PyBuffer_Release(&data);
        return NULL;
    }
    unsigned char *filter = (unsigned char *)PyBytes_AS_STRING(out);
    memset(filter, 0, (size_t)((mask + 1) >> 3));
    const unsigned char *text = data.buf;
    Py_ssize_t n = data.len, start = 0;
    while (start < n) {
        const unsigned char *newline = memchr(text + start, '\n', (size_t)(n - start));
        Py_ssize_t end = newline == NULL ? n : newline - text, cut = start;
        while (cut < end && text[cut] != sep)
            cut++;
        uint64_t h = fnv1a64(text + start, cut - start), a = h & mask, b = (h >> 32) & mask;
        filter[a >> 3] |= (unsigned char)(1u << (a & 7));
        filter[b >> 3] |= (unsigned char)(1u << (b & 7));
        start = end + 1;
    }
    PyBuffer_Release(&data);
    return out;
}

/* may_hold(filter, word): False when line_filter's filter shows that no key is the UTF-8 of
 * `word` (a str), else True (the key may be there: look). A word not of ASCII alone: True. */
static PyObject *
may_hold(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (BAD_COUNT(2, 2) || BAD_TYPE(0, PyBytes_Check, "bytes") || BAD_STR(1))
        return NULL;
    PyObject *word = args[1];
    Py_ssize_t size = PyBytes_GET_SIZE(args[0]);
    if (!PyUnicode_IS_ASCII(word) || size < 1 || (size & (size - 1)) != 0)
        Py_RETURN_TRUE;
    const unsigned char *filter = (const unsigned char *)PyBytes_AS_STRING(args[0]);
    uint64_t mask = ((uint64_t)size << 3) - 1;
    uint64_t h = fnv1a64(PyUnicode_1BYTE_DATA(word), PyUnicode_GET_LENGTH(word)), a = h & mask, b = (h >> 32) & mask;
    if ((filter[a >> 3] >> (a & 7) & 1) && (filter[b >> 3] >> (b & 7) & 1))
        Py_RETURN_TRUE;
    Py_RETURN_FALSE;
}

/* count_lines(data): the number of lines in a buffer (its newlines, and a last line without
 * one), read in place: a memory map has no count(). Twin: newslint.native._count_lines. */
static PyObject *
count_lines(PyObject *self, PyObject *arg)
{
    Py_buffer data;
    if (PyObject_GetBuffer(arg, &data, PyBUF_SIMPLE) < 0)
        return NULL;
    const char *text = data.buf, *at = text, *end = text + data.len;
    Py_ssize_t lines = 0;
    while (at < end && (at = memchr(at, '\n', (size_t)(end - at))) != NULL) {
        lines++;
        at++;
    }
    if (data.len > 0 && text[data.len - 1] != '\n')
        lines++;
    PyBuffer_Release(&data);
    return PyLong_FromSsize_t(lines);
}

/* Whether text[i:] opens a line boundary of str.splitlines other than "\n" (\r \v \f \x1c-\x1e
 * U+0085 U+2028 U+2029, in UTF-8): a table that holds one is read by the twin. */
static int
odd_line_end(const unsigned char *text, Py_ssize_t n, Py_ssize_t i)
{
    unsigned char c = text[i];
    if (c == '\r' || c == '\v' || c == '\f' || (c >= 0x1c && c <= 0x1e))
        return 1;
    if (c == 0xC2)
        return i + 1 < n && text[i + 1] == 0x85;
    return c == 0xE2 && i + 2 < n && text[i + 1] == 0x80 && (text[i + 2] == 0xA8 || text[i + 2] == 0xA9);
}

/* text[start:end] as a str: copied when `ascii` (no decoder run), else decoded as UTF-8. */
static PyObject *
row_text(const unsigned char *text, Py_ssize_t start, Py_ssize_t end, int ascii)
{
    PyObject *s;
    if (!ascii)
        return PyUnicode_DecodeUTF8((const char *)text + start, end - start, NULL);
    if ((s = PyUnicode_New(end - start, 127)) != NULL)
        memcpy(PyUnicode_1BYTE_DATA(s), text + start, (size_t)(end - start));
    return s;
}

/* table_rows(data): the rows of a table of lines (UTF-8 bytes or a memory map): a dict of each
 * line's key (before its first tab) -> the rest of the line, lines without a tab left out, a
 * later line winning, as the twin (newslint.native._table_rows: splitlines and split in Python,
 * 2,700 instructions a row) builds it; None when the data holds another line boundary than "\n"
 * or is not UTF-8 (the twin then reads it, or says why not). One walk over the bytes. */
static PyObject *
table_rows(PyObject *self, PyObject *arg)
{
    Py_buffer view;
    PyObject *rows = NULL, *key = NULL, *rest = NULL;
    Py_ssize_t i = 0;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    const unsigned char *text = view.buf;
    Py_ssize_t n = view.len;
    if ((rows = PyDict_New()) == NULL)
        goto done;
    while (i < n) {
        Py_ssize_t start = i, tab = -1;
        int ascii_key = 1, ascii = 1, err;
        for (; i < n && text[i] != '\n'; i++) {
            unsigned char c = text[i];
            if (c >= 0x80) {
                ascii = 0;
                if ((c == 0xC2 || c == 0xE2) && odd_line_end(text, n, i))
                    goto other;
            }
            else if (c < 0x20) {
                if (c == '\t' && tab < 0)
                    tab = i, ascii_key = ascii, ascii = 1;
                else if (c != '\t' && odd_line_end(text, n, i))
                    goto other;
            }
        }
        if (tab < 0) { /* no row, but UTF-8 all the same */
            if (!ascii && (key = row_text(text, start, i, 0)) == NULL)
                goto not_utf8;
            Py_CLEAR(key);
        }
        else {
            if ((key = row_text(text, start, tab, ascii_key)) == NULL ||
                (rest = row_text(text, tab + 1, i, ascii)) == NULL)
                goto not_utf8;
            err = PyDict_SetItem(rows, key, rest);
            Py_CLEAR(key);
            Py_CLEAR(rest);
            if (err < 0) {
                Py_CLEAR(rows);
                goto done;
            }
        }
        i++; /* past the "\n" */
    }
    goto done;
not_utf8:
    Py_CLEAR(key);
    if (!PyErr_ExceptionMatches(PyExc_UnicodeDecodeError)) {
        Py_CLEAR(rows);
        goto done;
    }
    PyErr_Clear();
other:
    Py_CLEAR(rows);
    rows = Py_NewRef(Py_None);
done:
    PyBuffer_Release(&view);
    return rows;
}

/* The first "\n" of text[i:n] (n when there is none): memchr on a one-byte text, most stories. */
static Py_ssize_t
next_newline(int kind, const void *data, Py_ssize_t i, Py_ssize_t n)
{
    if (kind == PyUnicode_1BYTE_KIND) {
        const char *found = i < n ? memchr((const char *)data + i, '\n', (size_t)(n - i)) : NULL;
        return found == NULL ? n : found - (const char *)data;
    }
    while (i < n && PyUnicode_READ(kind, data, i) != '\n')
        i++;
    return i;
}

/* line_starts(text, itemsize): where each line of text starts (0, and one past each "\n"), as
 * the bytes of native ints of `itemsize` bytes (4 or 8: an array's 'i' or 'q'), for
 * newslint.span.LineIndex. Twin: newslint.span._line_starts. */
static PyObject *
line_starts(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *out;
    Py_ssize_t itemsize, n, i, lines = 1, k = 1;
    int kind;
    const void *data;
    char *buf;
    if (BAD_COUNT(2, 2) || BAD_STR(0) || BAD_SSIZE(1, itemsize))
        return NULL;
    text = args[0];
    if (itemsize != (Py_ssize_t)sizeof(int) && itemsize != (Py_ssize_t)sizeof(long long)) {
        PyErr_SetString(PyExc_ValueError, "line_starts: itemsize is that of an int or a long long");
        return NULL;
    }
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    n = PyUnicode_GET_LENGTH(text);
    if (itemsize == (Py_ssize_t)sizeof(int) && n > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "line_starts: the text is too long for int offsets");
        return NULL;
    }
    for (i = next_newline(kind, data, 0, n); i < n; i = next_newline(kind, data, i + 1, n))
        lines++;
    out = PyBytes_FromStringAndSize(NULL, lines * itemsize);
    if (out == NULL)
        return NULL;
    buf = PyBytes_AS_STRING(out);
    for (i = -1; k <= lines; i = next_newline(kind, data, i + 1, n)) {
        if (itemsize == (Py_ssize_t)sizeof(int))
            ((int *)buf)[k - 1] = (int)(i + 1);
        else
            ((long long *)buf)[k - 1] = (long long)(i + 1);
        k++;
    }
    return out;
}

/* Whether text[i:] may read " min", or one digit (or a character that is not ASCII) and then
 * " min": i is one past a line's first digit, and NL304's "\d{1,2} min" may match there. ASCII
 * letters are lowercased, a character that is not ASCII taken as maybe equal (as opening_lines
 * compares). Twin: rules/structure/boilerplate_line.py's `_may_read_minutes`. */
static int
may_read_minutes(int kind, const void *data, Py_ssize_t n, Py_ssize_t i)
{
    static const char minutes[] = " min";
    int pass;
    for (pass = 0; pass < 2; pass++, i++) {
        Py_UCS4 c;
        Py_ssize_t j;
        if (i + 4 <= n) {
            for (j = 0; j < 4; j++) {
                c = PyUnicode_READ(kind, data, i + j);
                if (c >= 'A' && c <= 'Z')
                    c += 'a' - 'A';
                if (c < 128 && c != (Py_UCS4)minutes[j])
                    break;
            }
            if (j == 4)
                return 1;
        }
        if (pass == 0) {
            if (i >= n)
                return 0;
            c = PyUnicode_READ(kind, data, i);
            if (c < 128 && (c < '0' || c > '9'))
                return 0;
        }
    }
    return 0;
}

/* The start of the first line from `start` on (a line's start: 0, or one past a "\n") that
 * opening_lines keeps, n + 1 when there is none; firsts and after are its openings by their first
 * character. Inlined with `kind` a constant, so that a story of one byte a character reads its
 * characters as bytes. */
static ALWAYS_INLINE Py_ssize_t
next_opening_line(int kind, const void *data, Py_ssize_t n, Py_ssize_t start, const Py_ssize_t *firsts,
                  const Py_ssize_t *after, PyObject *openings)
{
    while (start <= n) {
        Py_ssize_t i = start, k;
        Py_UCS4 a = 0;
        while (i < n && (a = PyUnicode_READ(kind, data, i)) != '\n' && Py_UNICODE_ISSPACE(a))
            i++;
        if (i < n && a != '\n') {
            if (a >= 128 || (a >= '0' && a <= '9' && may_read_minutes(kind, data, n, i + 1)))
                return start;
            for (k = firsts[a >= 'A' && a <= 'Z' ? a + ('a' - 'A') : a]; k > 0; k = after[k - 1]) {
                PyObject *opening = PyTuple_GET_ITEM(openings, k - 1);
                Py_ssize_t size = PyUnicode_GET_LENGTH(opening), j;
                int okind = PyUnicode_KIND(opening);
                const void *odata = PyUnicode_DATA(opening);
                if (size == 0 || i + size > n)
                    continue;
                for (j = 0; j < size; j++) {
                    Py_UCS4 c = PyUnicode_READ(kind, data, i + j);
                    if (c >= 'A' && c <= 'Z')
                        c += 'a' - 'A';
                    if (c < 128 && c != PyUnicode_READ(okind, odata, j))
                        break;
                }
                if (j == size)
                    return start;
            }
        }
        start = next_newline(kind, data, i, n) + 1;
    }
    return n + 1;
}

/* opening_lines(text, openings): the starts of the lines (0, and one past each "\n") that may open,
 * past their white space other than newlines, with one of `openings` (a tuple of lowercase ASCII
 * str: NL304's furniture openings): its characters there, ASCII letters lowercased, a character
 * that is not ASCII taken as maybe equal (a mark such as "©", or a letter IGNORECASE may fold);
 * or a line that opens with a character that is not ASCII, or with a digit and then maybe " min"
 * after it or after one more digit ("4 min read", `may_read_minutes`). Most lines open otherwise,
 * and NL304's pattern is tried at none of them. Its twin is
 * rules/structure/boilerplate_line.py's `_opening_lines`. */
static PyObject *
opening_lines(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *openings, *out;
    Py_ssize_t n, start = 0, count, k;
    int kind;
    const void *data;
    /* The openings by their first character (an ASCII one): the first of each in firsts (one
     * past its index, 0 for none), the next of the same in after. A line that opens with an ASCII
     * character is compared with those alone: any other differs from it at its first character. */
    Py_ssize_t firsts[128] = {0}, *after;
    if (BAD_COUNT(2, 2) || BAD_STR(0) || BAD_TYPE(1, PyTuple_Check, "tuple"))
        return NULL;
    text = args[0], openings = args[1];
    count = PyTuple_GET_SIZE(openings);
    after = PyMem_New(Py_ssize_t, count + 1);
    if (after == NULL)
        return PyErr_NoMemory();
    for (k = count - 1; k >= 0; k--) {
        PyObject *opening = PyTuple_GET_ITEM(openings, k);
        Py_UCS4 first;
        if (!PyUnicode_Check(opening)) {
            PyErr_SetString(PyExc_TypeError, "opening_lines: the openings must be str");
            PyMem_Free(after);
            return NULL;
        }
        if (PyUnicode_GET_LENGTH(opening) > 0 && (first = PyUnicode_READ_CHAR(opening, 0)) < 128) {
            after[k] = firsts[first];
            firsts[first] = k + 1;
        }
    }
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    n = PyUnicode_GET_LENGTH(text);
    out = PyList_New(0);
    while (out != NULL) {
        PyObject *at;
        /* one walk for each kind of text, its reads compiled for it: most stories are one byte a
         * character */
        start = kind == PyUnicode_1BYTE_KIND
                    ? next_opening_line(PyUnicode_1BYTE_KIND, data, n, start, firsts, after, openings)
                    : next_opening_line(kind, data, n, start, firsts, after, openings);
        if (start > n)
            break;
        at = PyLong_FromSsize_t(start);
        if (at == NULL || PyList_Append(out, at) < 0)
            Py_CLEAR(out);
        Py_XDECREF(at);
        start = next_newline(kind, data, start, n) + 1;
    }
    PyMem_Free(after);
    return out;
}

/* story_parts(text, span_type, max_headline): newslint.learn.read_story's coarse reading of a
 * story, (headline or None, paragraphs, sentences: tuples of span_type), as its pure-Python twin
 * (learn._story_parts) finds them with its three patterns: blocks end at a blank line
 * (\n[ \t\r]*\n\s*), a first one-line block is the headline, paragraphs start at an indented line
 * (\n(?=[ \t]+\S), inside a block), sentences end at a stop before a capital or a figure
 * (_SENTENCE_END, inside a paragraph). Each piece ends where its match's white space starts. */
#define READ(i) PyUnicode_READ(kind, data, (i))
#define IS_SPACE(ch) Py_UNICODE_ISSPACE(ch)
#define IS_STOP(ch) ((ch) == '.' || (ch) == '!' || (ch) == '?')
#define IS_CLOSER(ch) ((ch) == '"' || (ch) == 0x201D || (ch) == 0x2019 || (ch) == '\'' || (ch) == ')' || (ch) == ']')
#define IS_OPENER(ch) ((ch) == '"' || (ch) == 0x201C || (ch) == 0x2018 || (ch) == '\'' || (ch) == '(' || (ch) == '[')
#define IS_CAPITAL_OR_FIGURE(ch) (((ch) >= 'A' && (ch) <= 'Z') || ((ch) >= '0' && (ch) <= '9'))

enum { AT_BLANK_LINE, AT_INDENT, AT_SENTENCE_END };

/* The first match of the splitter `at` in text[i:end] (the text before i visible to a look-behind,
 * none after end to a look-ahead, as finditer(text, i, end) sees it): its start, and in *piece_end
 * where its white space starts and in *next where it ends; -1 when there is none. */
static Py_ssize_t
next_cut(int at, int kind, const void *data, Py_ssize_t i, Py_ssize_t end, Py_ssize_t *piece_end,
         Py_ssize_t *next)
{
    for (; i < end; i++) {
        Py_UCS4 ch = READ(i);
        Py_ssize_t j = i + 1, k;
        if (at == AT_BLANK_LINE && ch == '\n') {
            while (j < end && (READ(j) == ' ' || READ(j) == '\t' || READ(j) == '\r'))
                j++;
            if (j < end && READ(j) == '\n') {
                for (j++; j < end && IS_SPACE(READ(j)); j++)
                    ;
                *piece_end = i;
                *next = j;
                return i;
            }
        } else if (at == AT_INDENT && ch == '\n') {
            while (j < end && (READ(j) == ' ' || READ(j) == '\t'))
                j++;
            if (j > i + 1 && j < end && !IS_SPACE(READ(j))) {
                *piece_end = i;
                *next = i + 1;
                return i;
            }
        } else if (at == AT_SENTENCE_END && IS_STOP(ch) && !(i > 0 && IS_STOP(READ(i - 1)))) {
            while (j < end && IS_STOP(READ(j)))
                j++;
            while (j < end && IS_CLOSER(READ(j)))
                j++;
            k = j;
            while (j < end && IS_SPACE(READ(j)))
                j++;
            if (j > k && j < end &&
                (IS_CAPITAL_OR_FIGURE(READ(j)) ||
                 (IS_OPENER(READ(j)) && j + 1 < end && IS_CAPITAL_OR_FIGURE(READ(j + 1))))) {
                *piece_end = k;
                *next = j;
                return i;
            }
        }
    }
    return -1;
}

/* A span_type(start, end), built as tuple.__new__(span_type, (start, end)) builds it. */
static PyObject *
new_span(PyTypeObject *span_type, Py_ssize_t start, Py_ssize_t end)
{
    PyObject *a = PyLong_FromSsize_t(start), *b = PyLong_FromSsize_t(end), *span = NULL;
    if (a != NULL && b != NULL)
        span = span_type->tp_alloc(span_type, 2);
    if (span == NULL) {
        Py_XDECREF(a);
        Py_XDECREF(b);
        return NULL;
    }
    PyTuple_SET_ITEM(span, 0, a);
    PyTuple_SET_ITEM(span, 1, b);
    return untracked_span(span);
}

/* Append span_type(start, end) to `out`: 0, or -1 with an exception set. */
static int
append_span(PyObject *out, PyTypeObject *span_type, Py_ssize_t start, Py_ssize_t end)
{
    PyObject *span = new_span(span_type, start, end);
    int failed = span == NULL || PyList_Append(out, span) < 0;
    Py_XDECREF(span);
    return failed ? -1 : 0;
}

/* Append to `out` the pieces of text[start:end] cut where `at` matches (learn._split). */
static int
cut(int at, PyTypeObject *span_type, int kind, const void *data, Py_ssize_t start, Py_ssize_t end,
    PyObject *out)
{
    Py_ssize_t piece_end, next;
    while (next_cut(at, kind, data, start, end, &piece_end, &next) >= 0) {
        if (piece_end > start && append_span(out, span_type, start, piece_end) < 0)
            return -1;
        start = next;
    }
    return end > start ? append_span(out, span_type, start, end) : 0;
}

static Py_ssize_t
span_at(PyObject *list, Py_ssize_t i, int which)
{
    return PyLong_AsSsize_t(PyTuple_GET_ITEM(PyList_GET_ITEM(list, i), which));
}

/* Whether the block text[start:end], stripped, is a headline: one line, at most `most`
 * characters, not ending in a full stop or a colon. */
static int
headline_block(int kind, const void *data, Py_ssize_t start, Py_ssize_t end, Py_ssize_t most)
{
    Py_ssize_t i;
    while (start < end && IS_SPACE(READ(start)))
        start++;
    while (end > start && IS_SPACE(READ(end - 1)))
        end--;
    if (start == end || end - start > most || READ(end - 1) == '.' || READ(end - 1) == ':')
        return 0;
    for (i = start; i < end; i++)
        if (READ(i) == '\n')
            return 0;
    return 1;
}

static PyObject *
story_parts(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *headline = Py_None, *blocks = NULL, *paragraphs = NULL, *sentences = NULL, *out = NULL;
    PyTypeObject *span_type;
    Py_ssize_t most, i, first = 0;
    int kind;
    const void *data;
    if (BAD_COUNT(3, 3) || BAD_STR(0) || BAD_TYPE(1, PyType_Check, "type") || BAD_SSIZE(2, most))
        return NULL;
    text = args[0], span_type = (PyTypeObject *)args[1];
    if (!PyType_IsSubtype(span_type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "story_parts: the span type must be a tuple type");
        return NULL;
    }
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    blocks = PyList_New(0);
    paragraphs = PyList_New(0);
    sentences = PyList_New(0);
    if (blocks == NULL || paragraphs == NULL || sentences == NULL ||
        cut(AT_BLANK_LINE, span_type, kind, data, 0, PyUnicode_GET_LENGTH(text), blocks) < 0)
        goto done;
    if (PyList_GET_SIZE(blocks) > 1 && headline_block(kind, data, span_at(blocks, 0, 0), span_at(blocks, 0, 1), most)) {
        headline = PyList_GET_ITEM(blocks, 0);
        first = 1;
        if (PyList_Append(sentences, headline) < 0)
            goto done;
    }
    for (i = first; i < PyList_GET_SIZE(blocks); i++)
        if (cut(AT_INDENT, span_type, kind, data, span_at(blocks, i, 0), span_at(blocks, i, 1), paragraphs) < 0)
            goto done;
    for (i = 0; i < PyList_GET_SIZE(paragraphs); i++)
        if (cut(AT_SENTENCE_END, span_type, kind, data, span_at(paragraphs, i, 0), span_at(paragraphs, i, 1),
                sentences) < 0)
            goto done;
    {
        PyObject *p = PyList_AsTuple(paragraphs), *s = PyList_AsTuple(sentences);
        if (p != NULL && s != NULL)
            out = PyTuple_Pack(3, headline, p, s);
        Py_XDECREF(p);
        Py_XDECREF(s);
    }
done:
    Py_XDECREF(blocks);
    Py_XDECREF(paragraphs);
    Py_XDECREF(sentences);
    return out;
}
#undef READ

/* --- NL202's spacing variants (name_twins): a name written with two spacings --- */

#define NT_READ(i) PyUnicode_READ(kind, data, (i))

/* The end of a run of [a-z] from i (i itself when there is none). */
static ALWAYS_INLINE Py_ssize_t
nt_lower_run(int kind, const void *data, Py_ssize_t n, Py_ssize_t i)
{
    while (i < n && IS_ASCII_LOWER(NT_READ(i)))
        i++;
    return i;
}

/* Whether a word character (re's \w) is at i: no word boundary after a letter before i. */
static ALWAYS_INLINE int
nt_word_at(int kind, const void *data, Py_ssize_t n, Py_ssize_t i)
{
    return i < n && IS_WORD(NT_READ(i));
}

/* The end of an Arabic particle and its space or hyphen at i (al- el- ad- as- ash- ez- az- an-
 * bin- abu-, or with a space), or -1. At most one of them can match at a place. */
static ALWAYS_INLINE Py_ssize_t
nt_particle(int kind, const void *data, Py_ssize_t n, Py_ssize_t i)
{
    Py_UCS4 a, b, c;
    if (i + 2 >= n)
        return -1;
    /* each is two or three letters: a space or hyphen third leaves only the two-letter ones (the
     * three-letter ones' third is a letter), and most words (and, be, every) have neither */
    a = NT_READ(i), b = NT_READ(i + 1), c = NT_READ(i + 2);
    if (c == ' ' || c == '-') {
        if (a == 'a' ? b == 'l' || b == 'd' || b == 's' || b == 'z' || b == 'n' : a == 'e' && (b == 'l' || b == 'z'))
            return i + 3;
        return -1;
    }
    if (i + 3 < n && (NT_READ(i + 3) == ' ' || NT_READ(i + 3) == '-')
        && ((a == 'a' && ((b == 's' && c == 'h') || (b == 'b' && c == 'u'))) || (a == 'b' && b == 'i' && c == 'n')))
        return i + 4;
    return -1;
}

/* The end of a capital and its run of [a-z] at i followed by a word boundary, or -1. */
static ALWAYS_INLINE Py_ssize_t
nt_word_end(int kind, const void *data, Py_ssize_t n, Py_ssize_t i)
{
    Py_ssize_t end;
    if (i >= n || !IS_ASCII_UPPER(NT_READ(i)))
        return -1;
    end = nt_lower_run(kind, data, n, i + 1);
    return end > i + 1 && !nt_word_at(kind, data, n, end) ? end : -1;
}

/* The end of the match of name_variant._SPACED_NAME at i (an a, e, b or capital not after a word
 * character), or -1: the regex's choices in its order (each choice here is the only
 * one that can succeed, so the first success is the regex's). With a match, *plain is set to
 * whether it is plain (`nt_add`: a capital and its lowercase run, the last choice without a
 * particle); read it only with a match. */
static ALWAYS_INLINE Py_ssize_t
nt_match(int kind, const void *data, Py_ssize_t n, Py_ssize_t i, int *plain)
{
    Py_ssize_t j = i, end;
    Py_UCS4 ch = NT_READ(i);
    if (!(IS_ASCII_UPPER(ch) || ch == 'a' || ch == 'e' || ch == 'b') || (i > 0 && IS_WORD(NT_READ(i - 1))))
        return -1;
    if (!IS_ASCII_UPPER(ch) && (j = nt_particle(kind, data, n, i)) < 0)
        return -1;
    if (j >= n || !IS_ASCII_UPPER(NT_READ(j)))
        return -1;
    j = nt_lower_run(kind, data, n, j + 1); /* the first part's letters, all of them */
    if (!IS_ASCII_LOWER(NT_READ(j - 1))) /* no letter after the capital */
        return -1;
    *plain = 0;
    if (j < n && IS_ASCII_UPPER(NT_READ(j))) /* TimeWarner, or no match: no boundary before a capital */
        return nt_word_end(kind, data, n, j);
    if (j < n && (NT_READ(j) == ' ' || NT_READ(j) == '-')) {
        Py_ssize_t k = nt_particle(kind, data, n, j + 1);
        end = nt_word_end(kind, data, n, k >= 0 ? k : j + 1);
        if (end >= 0)
            return end;
    }
    *plain = IS_ASCII_UPPER(ch);
    return nt_word_at(kind, data, n, j) ? -1 : j;
}

/* `nt_match` in a one-byte text, its reads made for that width (`nt_scan_blocks`' matcher: the
 * matcher takes a width, each read asked it, a switch at every character). Inline: `nt_scan`
 * is made for each of its callers, its matcher's call and its start letters folded in. */
static ALWAYS_INLINE Py_ssize_t
nt_match_1(int kind, const void *data, Py_ssize_t n, Py_ssize_t i, int *plain)
{
    (void)kind;
    return nt_match(PyUnicode_1BYTE_KIND, data, n, i, plain);
}

/* int32s, 12 bytes a match: a big file has many (a capitalised word of four letters or more is
 * one of NL204's forms: 800,000 in 10 MB of text), and the token index's offsets are int32 too.
 * A match's key (the letters that group it, `nt_key_at`) is read from the text when the matches
 * are grouped, not kept: a big file's keys and their offsets held 5 MB of its peak. */
typedef struct {
    int start, end, group; /* group: NT_PLAIN for a plain match till the matches are grouped */
} NameMatch;

/* A plain match's `group` till it is grouped (`nt_add`, `nt_group_of`). */
#define NT_PLAIN (-2)

/* How a scan's keys are read (`nt_key_at`): its characters but `drop` and `drop2`, ASCII letters
 * in lowercase (in uppercase when `upper`). Passed by value, so that a copy of `nt_group_of` for
 * one configuration reads each character with constants (`nt_group`). */
typedef struct {
    Py_UCS4 drop, drop2;
    int upper;
} NtKeys;

/* The keys of NL202's names (spaces and hyphens dropped, in lowercase) and of NL204's forms
 * (stops dropped, in capitals): initializers, so that `nt_group`'s copies read them as constants. */
#define NT_NAME_KEYS {' ', '-', 0}
#define NT_FORM_KEYS {'.', '.', 1}

/* The matches of a pattern in a text, and how their keys are read (`nt_key_at`). */
typedef struct {
    NameMatch *found;
    Py_ssize_t count, room;
    char *multi; /* per group (its first match): two different forms or more */
    NtKeys keys;
} NameScan;

static void
nt_free(NameScan *scan)
{
    PyMem_Free(scan->found);
    PyMem_Free(scan->multi);
}

static ALWAYS_INLINE int
nt_same(int kind, const void *data, const NameMatch *a, const NameMatch *b)
{
    Py_ssize_t i;
    if (a->end - a->start != b->end - b->start)
        return 0;
    for (i = 0; i < a->end - a->start; i++)
        if (NT_READ(a->start + i) != NT_READ(b->start + i))
            return 0;
    return 1;
}

/* The key character of the match's character at *at, or -1 at `end` (`NtKeys`), each as its low
 * byte (a key was kept as chars); *at moves past it. */
static ALWAYS_INLINE int
nt_key_at(NtKeys keys, int kind, const void *data, Py_ssize_t *at, Py_ssize_t end)
{
    while (*at < end) {
        Py_UCS4 ch = NT_READ(*at);
        (*at)++;
        if (ch == keys.drop || ch == keys.drop2)
            continue;
        if (keys.upper && IS_ASCII_LOWER(ch))
            ch -= 32;
        else if (!keys.upper && IS_ASCII_UPPER(ch))
            ch += 32;
        return (unsigned char)ch;
    }
    return -1;
}

/* Whether two matches have the same key (`nt_key_at`). */
static ALWAYS_INLINE int
nt_same_key(NtKeys keys, int kind, const void *data, const NameMatch *a, const NameMatch *b)
{
    Py_ssize_t i = a->start, j = b->start;
    for (;;) {
        int x = nt_key_at(keys, kind, data, &i, a->end), y = nt_key_at(keys, kind, data, &j, b->end);
        if (x != y)
            return 0;
        if (x < 0)
            return 1;
    }
}

/* Record the match text[start:end] (its key is read when the matches are grouped: `nt_key_at`),
 * and whether it is plain: an ASCII capital and one ASCII lowercase letter or more after it (no
 * `drop` character: those are no letters), as its matcher found it (no second read of the text).
 * Two plain matches with one key are the same form (the key is their letters in one case), so a
 * plain match is in a group of two forms only with one that is not plain (Monday alone; Alqaeda
 * and al-Qaeda). 0, or -1 out of memory. */
static ALWAYS_INLINE int
nt_add(NameScan *scan, Py_ssize_t start, Py_ssize_t end, int plain)
{
    NameMatch *m;
    if (end > INT_MAX)
        return -1; /* no offset past an int32 (a text of 2G characters) */
    if (scan->count == scan->room) {
        NameMatch *grown;
        scan->room += (scan->room >> 3) + 64; /* by an eighth: no doubled buffer held while copied */
        grown = PyMem_Realloc(scan->found, scan->room * sizeof *grown);
        if (grown == NULL)
            return -1;
        scan->found = grown;
    }
    m = &scan->found[scan->count++];
    m->start = (int)start;
    m->end = (int)end;
    m->group = plain ? NT_PLAIN : -1;
    return 0;
}

/* The bit of a key's shape (its first key character and its length) in `nt_group`'s sieve:
 * ASCII letters of either case alike, lengths from 32 on folded; two keys of another shape
 * differ. */
#define NT_SIEVE_BITS 1024
static ALWAYS_INLINE unsigned
nt_shape_bit(int first, Py_ssize_t length)
{
    return ((unsigned)first & 31u) << 5 | ((unsigned)length & 31u);
}

/* The hash of a match's key (`nt_key_at`) as a non-negative int (the `group` field holds it till
 * the match is grouped), and in *bit its shape's bit in `nt_group`'s sieve, or -1 for an empty
 * key (none: two empty keys are equal, and both such matches are hashed). */
static ALWAYS_INLINE int
nt_key_hash(NtKeys keys, int kind, const void *data, const NameMatch *m, int *bit)
{
    size_t hash = 5381;
    Py_ssize_t at = m->start, length = 0;
    int c, first = -1;
    while ((c = nt_key_at(keys, kind, data, &at, m->end)) >= 0) {
        if (first < 0)
            first = c;
        hash = hash * 33 + (unsigned)c;
        length++;
    }
    *bit = first < 0 ? -1 : (int)nt_shape_bit(first, length);
    return (int)(hash & INT_MAX);
}

/* Each match's group (the first match with its key, found in an open-addressed table) and
 * whether the group holds two different forms. 1 when one does, 0 when none, -1 out of memory.
 * A plain match (`nt_add`: most are) whose key's shape no other match has is its own group
 * (another use of its form has its own group too: its form is the group's only one), found
 * without its key hashed or compared: the shapes of the matches that are not plain are marked
 * in a sieve of bits first (each match's `group` holding -2 for a plain one till it is grouped,
 * and its key's hash for another: their keys are read once, `nt_key_hash`). Inline, for
 * `nt_group` to make copies for one-byte texts (most), whose reads need no switch on the width,
 * each scan's key characters constants. */
static ALWAYS_INLINE int
nt_group_of(NameScan *scan, int kind, const void *data, NtKeys keys)
{
    Py_ssize_t i, size = 1;
    int any = 0, *table; /* match indices: int32 as the matches' own fields */
    uint32_t sieve[NT_SIEVE_BITS / 32] = {0};
    for (i = 0; i < scan->count; i++) {
        NameMatch *m = &scan->found[i];
        int bit;
        if (m->group == NT_PLAIN)
            continue;
        m->group = nt_key_hash(keys, kind, data, m, &bit);
        if (bit >= 0)
            sieve[bit >> 5] |= 1u << (bit & 31);
    }
    while (size < 2 * scan->count)
        size *= 2;
    table = PyMem_Malloc(size * sizeof *table);
    scan->multi = PyMem_Calloc(scan->count ? scan->count : 1, 1);
    if (table == NULL || scan->multi == NULL) {
        PyMem_Free(table);
        return -1;
    }
    for (i = 0; i < size; i++)
        table[i] = -1;
    for (i = 0; i < scan->count; i++) {
        NameMatch *m = &scan->found[i];
        Py_ssize_t slot;
        int hash = m->group, bit;
        if (hash == NT_PLAIN) { /* plain: its key's first character is its first, in the scan's case */
            unsigned shape = nt_shape_bit((int)NT_READ(m->start), m->end - m->start);
            if (!(sieve[shape >> 5] >> (shape & 31) & 1)) {
                m->group = (int)i;
                continue;
            }
            hash = nt_key_hash(keys, kind, data, m, &bit);
        }
        for (slot = (Py_ssize_t)((size_t)hash & (size_t)(size - 1));; slot = (slot + 1) & (size - 1)) {
            NameMatch *first;
            if (table[slot] < 0) {
                table[slot] = m->group = (int)i;
                break;
            }
            first = &scan->found[table[slot]];
            if (nt_same_key(keys, kind, data, first, m)) {
                m->group = table[slot];
                if (!scan->multi[m->group] && !nt_same(kind, data, first, m))
                    scan->multi[m->group] = any = 1;
                break;
            }
        }
    }
    PyMem_Free(table);
    return any;
}

/* Whether two ways of reading keys are one. */
static inline int
nt_keys_same(NtKeys a, NtKeys b)
{
    return a.drop == b.drop && a.drop2 == b.drop2 && a.upper == b.upper;
}

/* `nt_group_of`, its reads made for the width of a one-byte text and for the keys of NL202's
 * names and of NL204's forms (NT_NAME_KEYS, NT_FORM_KEYS) apart. */
static int
nt_group(NameScan *scan, int kind, const void *data)
{
    const NtKeys names = NT_NAME_KEYS, forms = NT_FORM_KEYS, keys = scan->keys;
    if (kind == PyUnicode_1BYTE_KIND && nt_keys_same(keys, names))
        return nt_group_of(scan, PyUnicode_1BYTE_KIND, data, names);
    if (kind == PyUnicode_1BYTE_KIND && nt_keys_same(keys, forms))
        return nt_group_of(scan, PyUnicode_1BYTE_KIND, data, forms);
    return nt_group_of(scan, kind, data, keys);
}

/* A pattern's match at i, its end, or -1 (a start that the pattern refuses is no match). */
typedef Py_ssize_t (*nt_matcher)(int kind, const void *data, Py_ssize_t n, Py_ssize_t i, int *plain);

/* Sixteen bytes at a time (a one-byte text, most stories) where SSE2 is (every x86-64);
 * elsewhere the scan reads a character at a time. */
#if defined(__SSE2__)
#include <emmintrin.h>
#define NT_BLOCKS 1

/* The bytes of x from lo to hi (both ASCII), as 0xff: bytes past 127 compare as negative. */
static ALWAYS_INLINE __m128i
nt_between(__m128i x, char lo, char hi)
{
    __m128i above = _mm_cmpgt_epi8(x, _mm_set1_epi8((char)(lo - 1)));
    return _mm_and_si128(above, _mm_cmplt_epi8(x, _mm_set1_epi8((char)(hi + 1))));
}

/* The 16 bytes at s as bits (s[0]: 1): the answer has the capitals and the lowercase letters
 * l0, l1 and l2 (0 for none: constants, folded), `*word` the ASCII word characters (re's \w:
 * letters, digits, '_'). */
static ALWAYS_INLINE int
nt_block(const Py_UCS1 *s, char l0, char l1, char l2, int *word)
{
    __m128i x = _mm_loadu_si128((const __m128i *)s);
    __m128i starts = nt_between(x, 'A', 'Z'), words;
    if (l0)
        starts = _mm_or_si128(starts, _mm_cmpeq_epi8(x, _mm_set1_epi8(l0)));
    if (l1)
        starts = _mm_or_si128(starts, _mm_cmpeq_epi8(x, _mm_set1_epi8(l1)));
    if (l2)
        starts = _mm_or_si128(starts, _mm_cmpeq_epi8(x, _mm_set1_epi8(l2)));
    words = _mm_or_si128(nt_between(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 'z'), nt_between(x, '0', '9'));
    *word = _mm_movemask_epi8(_mm_or_si128(words, _mm_cmpeq_epi8(x, _mm_set1_epi8('_'))));
    return _mm_movemask_epi8(starts);
}

/* Whether an ASCII word character is before offset b of the one-byte text s. `nt_block`'s word
 * bit of a byte is this very test: a byte past 127 is negative to the signed compares, so neither
 * a letter (x | 0x20 in 'a'..'z': only 'A'..'Z' and 'a'..'z'), a digit nor '_'; of the ASCII bytes
 * those three are ASCII_CLASS's nonzero entries. So a block's last word bit is this test at the
 * next block's start. */
#define NT_WORD_BYTE(s, b) ((b) > 0 && (s)[(b) - 1] < 128 && ASCII_CLASS[(s)[(b) - 1]] != 0)

/* `nt_scan` over a one-byte text: the matcher asked only at the places a block's bits give, a
 * capital or one of the letters l0, l1, l2 not after an ASCII word character (a superset of the places
 * the matchers take: they test the character before themselves, one outside ASCII too), in
 * order, each from where the last match ended. 0, or -1 out of memory. */
static ALWAYS_INLINE int
nt_scan_blocks(NameScan *scan, const Py_UCS1 *s, Py_ssize_t from, Py_ssize_t n, nt_matcher match, char l0, char l1,
               char l2)
{
    Py_UCS1 tail[16];
    Py_ssize_t b = from, end;
    int before = NT_WORD_BYTE(s, b); /* a word character before the block: then the last block's last bit */
    while (b < n) {
        const Py_UCS1 *at = s + b;
        Py_ssize_t next = b + 16;
        int word, starts;
        if (n - b < 16) { /* zeros past the end: no start, no word */
            memset(tail, 0, sizeof tail);
            memcpy(tail, at, (size_t)(n - b));
            at = tail;
        }
        starts = nt_block(at, l0, l1, l2, &word);
        starts &= ~((word << 1) | before);
        before = word >> 15 & 1;
        while (starts) {
            Py_ssize_t p = b + __builtin_ctz((unsigned)starts);
            int plain = 0;
            if ((end = match(PyUnicode_1BYTE_KIND, s, n, p, &plain)) < 0) {
                starts &= starts - 1;
                continue;
            }
            if (nt_add(scan, p, end, plain) < 0)
                return -1;
            if (end >= b + 16) { /* the next block opens where the match ended */
                next = end;
                before = NT_WORD_BYTE(s, next);
                break;
            }
            starts &= ~((1 << (end - b)) - 1);
        }
        b = next;
    }
    return 0;
}
#endif

/* Record the matches of `match` (`match1` the same in a one-byte text, made for that width) in text from
 * offset `from`, each found from where the last ended (as findall
 * does: both patterns open with an ASCII letter, so only those places are tried, and of the
 * lowercase ones only l0, l1 and l2, 0 for none), and group them by their keys (their
 * characters as `keys` reads them: `nt_key_at`; `nt_group`): its answer, or -1 out of memory. Both patterns
 * refuse a start after a word character, so the rest of a word where none matched is skipped:
 * the matcher is asked at the words' starts, not at every letter (in a one-byte text, only at
 * the places `nt_scan_blocks` finds sixteen bytes at a time). */
static ALWAYS_INLINE int
nt_scan(NameScan *scan, PyObject *text, Py_ssize_t from, nt_matcher match, nt_matcher match1, char l0, char l1,
        char l2, NtKeys keys)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), i, end;
    int plain = 0;
    scan->keys = keys;
#ifdef NT_BLOCKS
    if (kind == PyUnicode_1BYTE_KIND) {
        if (nt_scan_blocks(scan, data, from, n, match1, l0, l1, l2) < 0)
            return -1;
        return nt_group(scan, kind, data);
    }
#endif
    for (i = from; i < n;) {
        Py_UCS4 ch = NT_READ(i);
        if ((IS_ASCII_UPPER(ch) || (ch != 0 && (ch == (Py_UCS1)l0 || ch == (Py_UCS1)l1 || ch == (Py_UCS1)l2)))
            && (end = match(kind, data, n, i, &plain)) >= 0) {
            if (nt_add(scan, i, end, plain) < 0)
                return -1;
            i = end;
        }
        else if (IS_WORD(ch) && kind == PyUnicode_1BYTE_KIND) { /* most texts: no width to ask */
            const Py_UCS1 *bytes = data;
            while (++i < n && IS_WORD(bytes[i]))
                ;
        }
        else if (IS_WORD(ch))
            while (++i < n && IS_WORD(NT_READ(i)))
                ;
        else
            i++;
    }
    return nt_group(scan, kind, data);
}

/* name_twins(text): the forms of the matches of name_variant._SPACED_NAME in text grouped by
 * their key (letters without spaces and hyphens, in lowercase), only the groups of two forms or
 * more: a list of groups in order of their first match, each a list of (form, starts) in order
 * of first use. Most stories have none, and then no string is made. */
static PyObject *
name_twins(PyObject *self, PyObject *text)
{
    PyObject *out = NULL, *forms = NULL, **lists = NULL;
    NameScan scan = {0};
    Py_ssize_t i;
    int any;
    if (BAD_STR_O(text))
        return NULL;
    if ((any = nt_scan(&scan, text, 0, nt_match, nt_match_1, 'a', 'e', 'b', (NtKeys)NT_NAME_KEYS)) < 0)
        goto nomemory;
    out = PyList_New(0);
    if (out == NULL || !any)
        goto done;
    forms = PyDict_New();
    lists = PyMem_Calloc(scan.count, sizeof *lists);
    if (forms == NULL || lists == NULL) {
        Py_CLEAR(out);
        if (lists == NULL)
            PyErr_NoMemory();
        goto done;
    }
    for (i = 0; i < scan.count; i++) {
        NameMatch *m = &scan.found[i];
        PyObject *form, *starts, *start;
        int failed;
        if (!scan.multi[m->group])
            continue;
        if (lists[m->group] == NULL) { /* borrowed: `out` holds it */
            PyObject *group = PyList_New(0);
            if (group == NULL || PyList_Append(out, group) < 0) {
                Py_XDECREF(group);
                goto fail;
            }
            Py_DECREF(group);
            lists[m->group] = group;
        }
        form = PyUnicode_Substring(text, m->start, m->end);
        if (form == NULL)
            goto fail;
        starts = PyDict_GetItemWithError(forms, form);
        if (starts == NULL) {
            PyObject *pair;
            if (PyErr_Occurred() || (starts = PyList_New(0)) == NULL) {
                Py_DECREF(form);
                goto fail;
            }
            failed = PyDict_SetItem(forms, form, starts) < 0;
            pair = failed ? NULL : PyTuple_Pack(2, form, starts);
            failed = pair == NULL || PyList_Append(lists[m->group], pair) < 0;
            Py_XDECREF(pair);
            Py_DECREF(starts); /* the dict holds it */
            if (failed) {
                Py_DECREF(form);
                goto fail;
            }
        }
        Py_DECREF(form);
        start = PyLong_FromSsize_t(m->start);
        failed = start == NULL || PyList_Append(starts, start) < 0;
        Py_XDECREF(start);
        if (failed)
            goto fail;
    }
    goto done;
nomemory:
    PyErr_NoMemory();
fail:
    Py_CLEAR(out);
done:
    Py_XDECREF(forms);
    PyMem_Free(lists);
    nt_free(&scan);
    return out;
}

/* --- NL202's case variants (case_pairs): a name written twice, and with a lowercase word --- */

/* The first word of `firsts` that ends at `at` in text, for each of the `n` lengths (ascending)
 * no longer than `at`, passed to `found` in turn; none where the character before `at` is no
 * letter (the first words are letters). `found` answers 1 to stop (then so does this), 0 to go
 * on, -1 on an error. */
typedef int (*cp_found)(PyObject *first, void *arg);

/* The first characters of the first words, for `cp_firsts_at` to pass over a length whose
 * candidate opens with another character without making its str: the ASCII ones as bits,
 * `other` set when one first word is empty or opens outside ASCII (those are always made). */
typedef struct {
    uint64_t ascii[2];
    int other;
} CpHeads;

static void
cp_heads_add(CpHeads *heads, PyObject *word)
{
    /* (a str subclass may hold itself equal to other characters) */
    Py_UCS4 ch = PyUnicode_CheckExact(word) && PyUnicode_GET_LENGTH(word) ? PyUnicode_READ_CHAR(word, 0) : 128;
    if (ch < 128)
        heads->ascii[ch >> 6] |= (uint64_t)1 << (ch & 63);
    else
        heads->other = 1;
}

static int
cp_firsts_at(PyObject *text, Py_ssize_t at, PyObject *firsts, const Py_ssize_t *lengths, Py_ssize_t n,
             const CpHeads *heads, cp_found found, void *arg)
{
    Py_ssize_t i;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    if (at < 1 || !Py_UNICODE_ISALPHA(PyUnicode_READ(kind, data, at - 1)))
        return 0;
    for (i = 0; i < n && lengths[i] <= at; i++) {
        PyObject *first;
        int in, r = 0;
        if (!heads->other) { /* no first word opens with this character: none is the candidate */
            Py_UCS4 ch = PyUnicode_READ(kind, data, at - lengths[i]);
            if (ch >= 128 || !(heads->ascii[ch >> 6] >> (ch & 63) & 1))
                continue;
        }
        first = PyUnicode_Substring(text, at - lengths[i], at);
        if (first == NULL)
            return -1;
        in = PySet_Contains(firsts, first);
        if (in != 0)
            r = in < 0 ? -1 : found(first, arg);
        Py_DECREF(first);
        if (r != 0)
            return r;
    }
    return 0;
}

/* `_after_a_name_twice`: one first word seen before two uses. */
static int
cp_seen_twice(PyObject *first, void *seen)
{
    int in = PySet_Contains((PyObject *)seen, first);
    return in != 0 ? in : PySet_Add((PyObject *)seen, first);
}

typedef struct {
    PyObject *text, *word, *counted;
} PairCount;

/* A pair (the first word, a space, the word) written twice: 1; each pair counted once. */
static int
cp_pair_twice(PyObject *first, void *arg)
{
    PairCount *p = arg;
    PyObject *pair = PyUnicode_FromFormat("%U %U", first, p->word);
    Py_ssize_t count;
    int in;
    if (pair == NULL)
        return -1;
    in = PySet_Contains(p->counted, pair);
    if (in == 0) {
        count = PyUnicode_Count(p->text, pair, 0, PY_SSIZE_T_MAX);
        in = count < 0 ? -1 : count >= 2 ? 1 : PySet_Add(p->counted, pair);
    } else if (in == 1) {
        in = 0;
    }
    Py_DECREF(pair);
    return in;
}

/* Whether a[:n] and b[:n] are equal: a byte loop inline, no memcmp call (most places where a
 * word's first two characters stand differ at the third). */
static ALWAYS_INLINE int
cp_same(const Py_UCS1 *a, const Py_UCS1 *b, Py_ssize_t n)
{
    Py_ssize_t k;
    for (k = 0; k < n; k++)
        if (a[k] != b[k])
            return 0;
    return 1;
}

#ifdef NT_BLOCKS
/* The places of at[0:16] where w[0] stands and w[1] after it, as bits (at[0:17] read). */
static ALWAYS_INLINE unsigned
cp_pairs(const Py_UCS1 *at, __m128i first, __m128i second)
{
    __m128i x = _mm_loadu_si128((const __m128i *)at), y = _mm_loadu_si128((const __m128i *)(at + 1));
    return (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(x, first), _mm_cmpeq_epi8(y, second)));
}

/* The first of the places `bits` (from i, i <= last) where w[:m] stands, none past `last`; -1 if
 * none does. */
static ALWAYS_INLINE Py_ssize_t
cp_first_of(const Py_UCS1 *s, Py_ssize_t i, unsigned bits, const Py_UCS1 *w, Py_ssize_t m, Py_ssize_t last)
{
    if (last - i < 31)
        bits &= (2u << (last - i)) - 1;
    for (; bits; bits &= bits - 1) {
        Py_ssize_t p = i + __builtin_ctz(bits);
        if (cp_same(s + p + 2, w + 2, m - 2))
            return p;
    }
    return -1;
}
#endif

/* The first place from `from` on where w[:m] (m >= 2) stands in the one-byte text s[:size], or -1:
 * thirty-two places at a time where SSE2 is (sixteen near the end), the places of the word's
 * first two characters picked (two loads, two compares a sixteen: str.find's search read each
 * story about three instructions a character, and NL202 asks it of a story's names that are
 * written twice, three or four of them, each to the end of the story when absent). */
static Py_ssize_t
cp_find_bytes(const Py_UCS1 *s, Py_ssize_t size, const Py_UCS1 *w, Py_ssize_t m, Py_ssize_t from)
{
    const Py_ssize_t last = size - m; /* the last place a use can start */
    Py_ssize_t i = from;
#ifdef NT_BLOCKS
    const Py_ssize_t last32 = size - 33 < last ? size - 33 : last; /* s[i:i + 33] read */
    const __m128i first = _mm_set1_epi8((char)w[0]), second = _mm_set1_epi8((char)w[1]);
    Py_ssize_t p;
    for (; i <= last32; i += 32) {
        unsigned bits = cp_pairs(s + i, first, second) | cp_pairs(s + i + 16, first, second) << 16;
        if (bits && (p = cp_first_of(s, i, bits, w, m, last)) >= 0)
            return p;
    }
    for (; i + 17 <= size && i <= last; i += 16) { /* s[i:i + 17] read */
        unsigned bits = cp_pairs(s + i, first, second);
        if (bits && (p = cp_first_of(s, i, bits, w, m, last)) >= 0)
            return p;
    }
#endif
    for (; i <= last; i++)
        if (s[i] == w[0] && s[i + 1] == w[1] && cp_same(s + i + 2, w + 2, m - 2))
            return i;
    return -1;
}

/* `PyUnicode_Find(text, find, from, len(text), 1)` for `find` a space and a word (`cp_spaced`):
 * `cp_find_bytes` in a one-byte text and an ASCII word, elsewhere str.find's own search. */
static Py_ssize_t
cp_find(PyObject *text, PyObject *find, Py_ssize_t from)
{
    Py_ssize_t size = PyUnicode_GET_LENGTH(text), m = PyUnicode_GET_LENGTH(find);
    if (PyUnicode_KIND(text) == PyUnicode_1BYTE_KIND && PyUnicode_IS_ASCII(find) && m >= 2 && from >= 0)
        return cp_find_bytes(PyUnicode_1BYTE_DATA(text), size, PyUnicode_1BYTE_DATA(find), m, from);
    return PyUnicode_Find(text, find, from, size, 1);
}

/* Each use of `find` (a space and a word) in text from `from` on, the first words before it
 * passed to `found` (`cp_firsts_at`): 1 when `found` stopped, 0 at the end, -1 on an error. */
static int
cp_uses(PyObject *text, PyObject *find, Py_ssize_t from, PyObject *firsts, const Py_ssize_t *lengths,
        Py_ssize_t n, const CpHeads *heads, cp_found found, void *arg)
{
    Py_ssize_t at = cp_find(text, find, from);
    while (at >= 0) {
        int r = cp_firsts_at(text, at, firsts, lengths, n, heads, found, arg);
        if (r != 0)
            return r;
        at = cp_find(text, find, at + 1);
    }
    return at == -2 ? -1 : 0;
}

/* " " + word, lowered when `lower`: an ASCII word is copied byte by byte (most names), another
 * goes through str.lower and a format, as `" " + word.lower()` does. */
static PyObject *
cp_spaced(PyObject *word, int lower)
{
    PyObject *spaced, *low;
    Py_ssize_t i, len = PyUnicode_GET_LENGTH(word);
    if (PyUnicode_IS_ASCII(word)) {
        const Py_UCS1 *from = PyUnicode_1BYTE_DATA(word);
        Py_UCS1 *to;
        spaced = PyUnicode_New(len + 1, 127);
        if (spaced == NULL)
            return NULL;
        to = PyUnicode_1BYTE_DATA(spaced);
        to[0] = ' ';
        for (i = 0; i < len; i++)
            to[i + 1] = lower ? (Py_UCS1)Py_TOLOWER(from[i]) : from[i];
        return spaced;
    }
    if (!lower)
        return PyUnicode_FromFormat(" %U", word);
    low = PyObject_CallMethod(word, "lower", NULL);
    spaced = low == NULL ? NULL : PyUnicode_FromFormat(" %U", low);
    Py_XDECREF(low);
    return spaced;
}

/* `cp_any`'s words read as bytes (`cp_bytes`): a one-byte text, and up to CP_BYTE_WORDS ASCII
 * words of 1 to CP_BYTE_LETTERS characters, each with " word" and " word" in lowercase. A
 * story's few names (most calls) are then weighed without a str, a set or a hash: the first
 * words before a use are compared in place, and the words seen and the pairs counted are bits
 * of the first word's place in the list (the first of equal words: as one in a set). */
#define CP_BYTE_WORDS 64
#define CP_BYTE_LETTERS 126
typedef struct {
    const Py_UCS1 *s, *word[CP_BYTE_WORDS];
    Py_ssize_t size, n, len[CP_BYTE_WORDS], lengths[CP_BYTE_WORDS], count; /* count: of lengths */
    uint64_t heads[2]; /* the words' first characters, as bits */
} CpBytes;

/* Fill `b` from text and twice: 1, or 0 when they are not such (then `cp_any` makes strs). */
static int
cp_bytes(CpBytes *b, PyObject *text, PyObject *twice)
{
    Py_ssize_t i, j;
    if (PyUnicode_KIND(text) != PyUnicode_1BYTE_KIND || PyList_GET_SIZE(twice) > CP_BYTE_WORDS)
        return 0;
    b->s = PyUnicode_1BYTE_DATA(text), b->size = PyUnicode_GET_LENGTH(text);
    b->n = PyList_GET_SIZE(twice), b->count = 0, b->heads[0] = b->heads[1] = 0;
    for (i = 0; i < b->n; i++) {
        PyObject *word = PyList_GET_ITEM(twice, i);
        Py_ssize_t len;
        if (!PyUnicode_CheckExact(word) || !PyUnicode_IS_ASCII(word) || (len = PyUnicode_GET_LENGTH(word)) < 1
            || len > CP_BYTE_LETTERS)
            return 0;
        b->word[i] = PyUnicode_1BYTE_DATA(word), b->len[i] = len;
        b->heads[b->word[i][0] >> 6] |= (uint64_t)1 << (b->word[i][0] & 63);
        for (j = 0; j < b->count && b->lengths[j] < len; j++) /* the distinct lengths, ascending */
            ;
        if (j < b->count && b->lengths[j] == len)
            continue;
        memmove(b->lengths + j + 1, b->lengths + j, (size_t)(b->count - j) * sizeof *b->lengths);
        b->lengths[j] = len;
        b->count++;
    }
    return 1;
}

/* `cp_firsts_at` in bytes: the place in the list of each word that ends at `at` (one a length,
 * the first of equal words) as bits, none where the character before `at` is no letter. */
static uint64_t
cp_bytes_firsts(const CpBytes *b, Py_ssize_t at)
{
    uint64_t found = 0;
    Py_ssize_t i, j;
    if (at < 1 || !Py_UNICODE_ISALPHA(b->s[at - 1]))
        return 0;
    for (i = 0; i < b->count && b->lengths[i] <= at; i++) {
        const Py_UCS1 *first = b->s + at - b->lengths[i];
        if (first[0] >= 128 || !(b->heads[first[0] >> 6] >> (first[0] & 63) & 1))
            continue;
        for (j = 0; j < b->n; j++)
            if (b->len[j] == b->lengths[i] && cp_same(first, b->word[j], b->len[j])) {
                found |= (uint64_t)1 << j;
                break;
            }
    }
    return found;
}

/* Whether "first word" (a space between) stands twice in the text, the uses not overlapping
 * (`str.count(pair) >= 2`). */
static int
cp_bytes_pair_twice(const CpBytes *b, const Py_UCS1 *first, Py_ssize_t m, const Py_UCS1 *word, Py_ssize_t n)
{
    Py_ssize_t at, uses = 0;
    for (at = 0; at + m + 1 + n <= b->size && uses < 2; at++)
        if (cp_same(b->s + at, first, m) && b->s[at + m] == ' ' && cp_same(b->s + at + m + 1, word, n)) {
            uses++;
            at += m + n; /* and the loop's one: past the use */
        }
    return uses >= 2;
}

/* `cp_any` of the words `b` holds: 1 or 0. */
static int
cp_bytes_any(const CpBytes *b)
{
    Py_UCS1 spaced[CP_BYTE_LETTERS + 1], lowered[CP_BYTE_LETTERS + 1];
    Py_ssize_t i, k, at, m;
    for (i = 0; i < b->n; i++) {
        uint64_t seen = 0, counted = 0, found;
        int twice = 0;
        m = b->len[i] + 1;
        spaced[0] = lowered[0] = ' ';
        for (k = 0; k < b->len[i]; k++)
            spaced[k + 1] = b->word[i][k], lowered[k + 1] = (Py_UCS1)Py_TOLOWER(b->word[i][k]);
        if ((at = cp_find_bytes(b->s, b->size, lowered, m, 0)) < 0)
            continue;
        /* no name before the word twice: no pair of it is written twice */
        for (k = cp_find_bytes(b->s, b->size, spaced, m, 0); k >= 0 && !twice;
             k = cp_find_bytes(b->s, b->size, spaced, m, k + 1)) {
            found = cp_bytes_firsts(b, k);
            twice = (found & seen) != 0;
            seen |= found;
        }
        for (; twice && at >= 0; at = cp_find_bytes(b->s, b->size, lowered, m, at + 1)) {
            uint64_t here = cp_bytes_firsts(b, at);
            for (found = here & ~counted; found; found &= found - 1) {
                Py_ssize_t j = __builtin_ctzll(found);
                if (cp_bytes_pair_twice(b, b->word[j], b->len[j], b->word[i], b->len[i]))
                    return 1;
            }
            counted |= here;
        }
    }
    return 0;
}

/* Whether some words W and F of `twice` (a list of names of letters) stand as "F W" twice in
 * text and F before " w" (W in lowercase) once: 1, 0 if not, -1 on an error. */
static int
cp_any(PyObject *text, PyObject *twice)
{
    PyObject *firsts = NULL, *counted = NULL;
    Py_ssize_t *lengths = NULL, n = 0, i, j;
    CpHeads heads = {{0, 0}, 0};
    CpBytes bytes;
    int r = 0;
    if (PyList_GET_SIZE(twice) == 0)
        return 0; /* no name written twice (many stories): no set made */
    if (cp_bytes(&bytes, text, twice))
        return cp_bytes_any(&bytes); /* most stories: no str made */
    firsts = PySet_New(twice);
    counted = PySet_New(NULL);
    lengths = PyMem_Malloc((PyList_GET_SIZE(twice) + 1) * sizeof *lengths);
    if (firsts == NULL || counted == NULL || lengths == NULL) {
        if (lengths == NULL)
            PyErr_NoMemory();
        r = -1;
        goto done;
    }
    for (i = 0; i < PyList_GET_SIZE(twice); i++) { /* the distinct lengths, ascending */
        PyObject *word = PyList_GET_ITEM(twice, i);
        Py_ssize_t len;
        if (!PyUnicode_Check(word)) {
            PyErr_SetString(PyExc_TypeError, "case_pairs: the words are str");
            r = -1;
            goto done;
        }
        cp_heads_add(&heads, word);
        len = PyUnicode_GET_LENGTH(word);
        for (j = 0; j < n && lengths[j] < len; j++)
            ;
        if (j < n && lengths[j] == len)
            continue;
        memmove(lengths + j + 1, lengths + j, (n - j) * sizeof *lengths);
        lengths[j] = len;
        n++;
    }
    for (i = 0; i < PyList_GET_SIZE(twice) && r == 0; i++) {
        PyObject *word = PyList_GET_ITEM(twice, i), *spaced = NULL, *lowered, *seen = NULL;
        Py_ssize_t at = -2;
        Py_INCREF(word);
        lowered = cp_spaced(word, 1);
        if (lowered != NULL)
            at = cp_find(text, lowered, 0);
        if (at >= 0) { /* no name before the word twice: no pair of it is written twice */
            spaced = cp_spaced(word, 0);
            seen = spaced == NULL ? NULL : PySet_New(NULL);
            r = seen == NULL ? -1 : cp_uses(text, spaced, 0, firsts, lengths, n, &heads, cp_seen_twice, seen);
            if (r == 1) { /* the words before each use of the lowercase word */
                PairCount pairs = {text, word, counted};
                r = cp_uses(text, lowered, at, firsts, lengths, n, &heads, cp_pair_twice, &pairs);
            }
        } else if (at == -2) {
            r = -1;
        }
        Py_XDECREF(seen);
        Py_XDECREF(spaced);
        Py_XDECREF(lowered);
        Py_DECREF(word);
    }
done:
    Py_XDECREF(firsts);
    Py_XDECREF(counted);
    PyMem_Free(lengths);
    return r;
}

/* case_pairs(text, twice): `name_variant._case_pairs_twin`: whether, for some words W and F of
 * `twice` (a list of names of letters), "F W" is written twice and F before " w" (W in
 * lowercase) once. */
static PyObject *
case_pairs(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *twice;
    int r;
    if (BAD_COUNT(2, 2) || BAD_STR(0) || BAD_TYPE(1, PyList_Check, "list"))
        return NULL;
    text = args[0], twice = args[1];
    r = cp_any(text, twice);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

#ifdef LOWER_8
/* The bytes of v (each below 128) from lo to hi, as their 0x80 bits: no sum carries into the
 * next byte. */
#define BYTES_BETWEEN(v, lo, hi) (((v) + BYTES_OF(0x80 - (lo))) & ~((v) + BYTES_OF(0x7f - (hi))) & BYTES_OF(0x80))

/* `np_lower_after_first` of an ASCII word s[:len] (A-Z capitals, a-z lowercase letters), and in
 * *newline whether a line break is among s[:len] (`pn_read`'s other test), eight characters at a
 * time by loads inside s[1:len] (overlapping where it is short): a story's names are read at
 * each check, and a character at a time took about ten instructions a letter. */
static ALWAYS_INLINE int
np_ascii_shape(const Py_UCS1 *s, Py_ssize_t len, int *newline)
{
    const Py_UCS1 *r = s + 1;
    Py_ssize_t k = len - 1, o; /* r[:k] is s[1:len] */
    uint64_t upper = 0, lower = 0, breaks = len > 0 && s[0] == '\n', v;
    if (k < 4) {
        for (o = 0; o < k; o++)
            upper |= IS_ASCII_UPPER(r[o]), lower |= IS_ASCII_LOWER(r[o]), breaks |= r[o] == '\n';
    }
    else {
        for (o = 0;; o += 8) {
            v = k < 8 ? load_4(r) | load_4(r + k - 4) << 32 : load_8(r + (o + 8 <= k ? o : k - 8));
            upper |= BYTES_BETWEEN(v, 'A', 'Z'), lower |= BYTES_BETWEEN(v, 'a', 'z');
            breaks |= BYTES_BETWEEN(v, '\n', '\n');
            if (o + 8 >= k)
                break;
        }
    }
    *newline = breaks != 0;
    return !upper && lower;
}
#endif

/* `word[1:len].islower()`, as str.islower reads it: no capital or title-case letter, and a
 * lowercase one. */
static int
np_lower_after_first(PyObject *word, Py_ssize_t len)
{
    int kind = PyUnicode_KIND(word), cased = 0;
    const void *data = PyUnicode_DATA(word);
    Py_ssize_t i;
#ifdef LOWER_8
    if (PyUnicode_IS_ASCII(word))
        return np_ascii_shape(data, len, &cased); /* (cased: the line breaks, not read) */
#endif
    if (PyUnicode_IS_ASCII(word)) { /* most names: a capital is A-Z, a lowercase letter a-z */
        const Py_UCS1 *s = data;
        for (i = 1; i < len; i++) {
            if (IS_ASCII_UPPER(s[i]))
                return 0;
            cased |= IS_ASCII_LOWER(s[i]);
        }
        return cased;
    }
    for (i = 1; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (Py_UNICODE_ISUPPER(ch) || Py_UNICODE_ISTITLE(ch))
            return 0;
        if (Py_UNICODE_ISLOWER(ch))
            cased = 1;
    }
    return cased;
}

/* `word.isalpha() and word[1:].islower()` (str's own tests, character by character): a word
 * of letters, a capitalised name's shape after its first letter. */
static int
cp_titled(PyObject *word)
{
    Py_ssize_t i, len = PyUnicode_GET_LENGTH(word);
    int kind = PyUnicode_KIND(word);
    const void *data = PyUnicode_DATA(word);
    if (PyUnicode_IS_ASCII(word)) { /* most names: ASCII letters are A-Z and a-z */
        const Py_UCS1 *s = data;
        if (len < 2 || !(IS_ASCII_UPPER(s[0]) || IS_ASCII_LOWER(s[0])))
            return 0; /* word[1:] empty: not lowercase */
        for (i = 1; i < len; i++)
            if (!IS_ASCII_LOWER(s[i]))
                return 0;
        return 1;
    }
    for (i = 0; i < len; i++)
        if (!Py_UNICODE_ISALPHA(PyUnicode_READ(kind, data, i)))
            return 0;
    return np_lower_after_first(word, len); /* word[1:] empty: not lowercase */
}

/* The next word of `words`, a new reference, or NULL at the end (or on an error): a set's read in
 * place (`pos`), its hash given (`*hash`), another's from `it` (`*hash` -1). */
static PyObject *
cp_next(PyObject *words, PyObject *it, Py_ssize_t *pos, Py_hash_t *hash)
{
    PyObject *key;
    if (it != NULL) {
        *hash = -1;
        return PyIter_Next(it);
    }
    if (!_PySet_NextEntry(words, pos, &key, hash))
        return NULL;
    return Py_NewRef(key);
}

/* case_pairs_of(text, written, counts, most): `name_variant._case_pairs_of_twin`: the names of
 * `written` that `counts` counts twice or more and that are letters, capitalised (`cp_titled`),
 * taken in `written`'s order; True when there are more than `most`, else `case_pairs` of them.
 * The names are picked here, not in a Python loop: a story asks it of each of its names. */
static PyObject *
case_pairs_of(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *written, *counts, *twice, *two, *it = NULL, *word;
    Py_ssize_t most, pos = 0;
    Py_hash_t hash;
    int r = 0;
    if (BAD_COUNT(4, 4) || BAD_STR(0) || BAD_TYPE(2, is_counts, "dict") || BAD_SSIZE(3, most))
        return NULL;
    text = args[0], written = args[1], counts = args[2];
    twice = PyList_New(0);
    two = PyLong_FromLong(2);
    if (twice != NULL && two != NULL && !PyAnySet_Check(written))
        it = PyObject_GetIter(written);
    if (twice == NULL || two == NULL || (it == NULL && !PyAnySet_Check(written))) {
        Py_XDECREF(twice);
        Py_XDECREF(two);
        return NULL;
    }
    /* a set (a story's names, most calls) is read in place, each word's hash its own */
    while (r == 0 && (word = cp_next(written, it, &pos, &hash)) != NULL) {
        PyObject *count;
        if (!PyUnicode_Check(word)) {
            PyErr_SetString(PyExc_TypeError, "case_pairs_of: the words are str");
            r = -1;
        } else if ((count = hash == -1 || !PyDict_Check(counts) ? counts_get(counts, word)
                                                                : _PyDict_GetItem_KnownHash(counts, word, hash)) == NULL) {
            r = PyErr_Occurred() ? -1 : 0; /* not counted: a Counter's 0 */
        } else {
            int overflow = 0, twice_or_more;
            long n = PyLong_CheckExact(count) ? PyLong_AsLongAndOverflow(count, &overflow) : 0;
            if (PyLong_CheckExact(count) && !overflow) /* an int, as counts are: no comparison called */
                twice_or_more = n >= 2;
            else
                twice_or_more = PyObject_RichCompareBool(count, two, Py_GE);
            if (twice_or_more < 0)
                r = -1;
            else if (twice_or_more && cp_titled(word))
                r = PyList_Append(twice, word);
        }
        Py_DECREF(word);
    }
    Py_XDECREF(it);
    Py_DECREF(two);
    if (r == 0 && PyErr_Occurred())
        r = -1;
    if (r == 0)
        r = PyList_GET_SIZE(twice) > most ? 1 : cp_any(text, twice);
    Py_DECREF(twice);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

/* The length of a name without a possessive 's or ’s at its end (`name_variant._bare`). */
static Py_ssize_t
np_bare_length(PyObject *word)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(word);
    int kind = PyUnicode_KIND(word);
    const void *data = PyUnicode_DATA(word);
    Py_UCS4 mark;
    if (len < 2 || PyUnicode_READ(kind, data, len - 1) != 's')
        return len;
    mark = PyUnicode_READ(kind, data, len - 2);
    return mark == '\'' || mark == 0x2019 ? len - 2 : len;
}

/* The others of `near_name_pairs`: the names of `written`, a possessive 's cut off, that open
 * with the first letter of one of `queries` and are lowercase after it, as a new set. */
static PyObject *
np_others(PyObject *queries, PyObject *written)
{
    PyObject *others, *it, *word;
    Py_UCS4 *firsts;
    Py_ssize_t n = 0, i, size = PyList_GET_SIZE(queries);
    firsts = PyMem_Malloc((size + 1) * sizeof *firsts);
    if (firsts == NULL)
        return PyErr_NoMemory();
    for (i = 0; i < size; i++) {
        PyObject *name = PyList_GET_ITEM(queries, i);
        if (!PyUnicode_Check(name) || PyUnicode_GET_LENGTH(name) == 0) {
            PyErr_SetString(PyExc_TypeError, "near_name_pairs: the queries are names");
            PyMem_Free(firsts);
            return NULL;
        }
        firsts[n++] = PyUnicode_READ_CHAR(name, 0);
    }
    others = PySet_New(NULL);
    it = others == NULL ? NULL : PyObject_GetIter(written);
    while (it != NULL && (word = PyIter_Next(it)) != NULL) {
        Py_ssize_t len, j;
        Py_UCS4 first;
        int r = 0;
        if (!PyUnicode_Check(word)) {
            PyErr_SetString(PyExc_TypeError, "near_name_pairs: the names are str");
            r = -1;
        } else if ((len = PyUnicode_GET_LENGTH(word)) > 0) {
            first = PyUnicode_READ_CHAR(word, 0);
            for (j = 0; j < n && firsts[j] != first; j++)
                ;
            len = np_bare_length(word);
            if (j < n && np_lower_after_first(word, len)) {
                PyObject *bare = len == PyUnicode_GET_LENGTH(word) ? Py_NewRef(word)
                                                                   : PyUnicode_Substring(word, 0, len);
                r = bare == NULL ? -1 : PySet_Add(others, bare);
                Py_XDECREF(bare);
            }
        }
        Py_DECREF(word);
        if (r < 0)
            break;
    }
    Py_XDECREF(it);
    PyMem_Free(firsts);
    if (others != NULL && PyErr_Occurred())
        Py_CLEAR(others);
    return others;
}

/* near_name_pairs(queries, written, few): `name_variant._near_name_pairs_twin`: the pairs
 * (query, other) of a query (a list of names) and another name of `written`, a possessive 's
 * cut off, lowercase after its first letter, with the query's first letter, a length at most one
 * away and not the query itself: the pairs that NL202's one-edit test can pass, made without a
 * Python loop over a story's names. None when more than `few` names have the queries' first
 * letters (they are looked up by key then). */
static PyObject *
near_name_pairs(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *queries, *written, *others, *listed, *out;
    Py_ssize_t few, i, j;
    if (BAD_COUNT(3, 3) || BAD_TYPE(0, PyList_Check, "list") || BAD_SSIZE(2, few))
        return NULL;
    queries = args[0], written = args[1];
    others = np_others(queries, written);
    if (others == NULL)
        return NULL;
    if (PySet_GET_SIZE(others) > few) {
        Py_DECREF(others);
        Py_RETURN_NONE;
    }
    listed = PySequence_List(others);
    Py_DECREF(others);
    out = listed == NULL ? NULL : PyList_New(0);
    for (i = 0; out != NULL && i < PyList_GET_SIZE(queries); i++) {
        PyObject *name = PyList_GET_ITEM(queries, i);
        Py_ssize_t len = PyUnicode_GET_LENGTH(name);
        Py_UCS4 first = PyUnicode_READ_CHAR(name, 0);
        for (j = 0; out != NULL && j < PyList_GET_SIZE(listed); j++) {
            PyObject *other = PyList_GET_ITEM(listed, j), *pair;
            Py_ssize_t olen = PyUnicode_GET_LENGTH(other);
            if (olen < len - 1 || olen > len + 1 || PyUnicode_READ_CHAR(other, 0) != first
                || PyUnicode_Compare(other, name) == 0)
                continue;
            pair = PyTuple_Pack(2, name, other);
            if (pair == NULL || PyList_Append(out, pair) < 0)
                Py_CLEAR(out);
            Py_XDECREF(pair);
        }
    }
    Py_XDECREF(listed);
    return out;
}

/* undoubled: s[:n] with each pair of one character written twice made one, left to right (what
 * `re.sub(r"(.)\1", r"\1", s)` gives a string without a line break), written to `to`: its length. */
static Py_ssize_t
ep_undoubled(const char *s, Py_ssize_t n, char *to)
{
    Py_ssize_t i = 0, k = 0;
    while (i < n) {
        to[k++] = s[i];
        i += i + 1 < n && s[i + 1] == s[i] ? 2 : 1;
    }
    return k;
}

/* `name_variant.one_edit_pair` of two ASCII names without a line break (`a`, `b` their lowercase,
 * `name`, `other` as written, `n`, `m` their lengths, at most EP_LONGEST). */
#define EP_LONGEST 64
static int
ep_pair(const char *name, Py_ssize_t n, const char *other, Py_ssize_t m)
{
    char a[EP_LONGEST], b[EP_LONGEST], ua[EP_LONGEST], ub[EP_LONGEST];
    const char *x, *y, *shorter, *longer;
    Py_ssize_t i, lx, ly, ls, ll;
    int apart = 0;
    if ((n == m && memcmp(name, other, (size_t)n) == 0) || n == 0 || m == 0 || other[0] != name[0]
        || n - m > 1 || m - n > 1)
        return 0;
    for (i = 0; i < n; i++)
        a[i] = (char)Py_TOLOWER((unsigned char)name[i]);
    for (i = 0; i < m; i++)
        b[i] = (char)Py_TOLOWER((unsigned char)other[i]);
    if (n == m) {
        if (memcmp(a, b, (size_t)n) == 0)
            return 0; /* one_edit_apart of equal strings, and no doubling moved */
        for (i = 0; a[i] == b[i]; i++)
            ;
        apart = memcmp(a + i + 1, b + i + 1, (size_t)(n - i - 1)) == 0
                || (i + 1 < n && a[i] == b[i + 1] && a[i + 1] == b[i]
                    && memcmp(a + i + 2, b + i + 2, (size_t)(n - i - 2)) == 0);
        if (!apart) { /* _double_moved: a doubling in `a`, the same letters undoubled */
            for (i = 0; i + 1 < n && a[i] != a[i + 1]; i++)
                ;
            if (i + 1 < n) {
                Py_ssize_t ka = ep_undoubled(a, n, ua), kb = ep_undoubled(b, m, ub);
                apart = ka == kb && memcmp(ua, ub, (size_t)ka) == 0;
            }
        }
    }
    else {
        x = n < m ? a : b, y = n < m ? b : a, lx = n < m ? n : m, ly = n < m ? m : n;
        for (i = 0; i < lx && x[i] == y[i]; i++)
            ;
        apart = memcmp(x + i, y + i + 1, (size_t)(lx - i)) == 0;
        (void)ly;
    }
    if (!apart)
        return 0;
    /* _only_ending_differs(name, other): sorted by length, a tie kept in order */
    shorter = m < n ? other : name, longer = m < n ? name : other;
    ls = m < n ? m : n, ll = m < n ? n : m;
    if (memcmp(longer, shorter, (size_t)ls) == 0)
        return 0;
    if (ls == ll && memcmp(shorter, longer, (size_t)(ls - 1)) == 0)
        return 0;
    return 1;
}

/* one_edit_pairs(pairs): `name_variant._one_edit_pairs_twin`: True when one of `pairs` (a list
 * of (name, other), str) is a `one_edit_pair`, tested here for the pairs of ASCII names (most);
 * else the list of the other pairs, for the caller to test (empty: none is). */
static PyObject *
one_edit_pairs(PyObject *self, PyObject *pairs)
{
    PyObject *rest;
    Py_ssize_t i;
    if (!PyList_Check(pairs)) {
        PyErr_SetString(PyExc_TypeError, "one_edit_pairs(pairs): a list, please");
        return NULL;
    }
    if ((rest = PyList_New(0)) == NULL)
        return NULL;
    for (i = 0; i < PyList_GET_SIZE(pairs); i++) {
        PyObject *pair = PyList_GET_ITEM(pairs, i), *name, *other;
        Py_ssize_t n, m;
        if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2 || !PyUnicode_Check(PyTuple_GET_ITEM(pair, 0))
            || !PyUnicode_Check(PyTuple_GET_ITEM(pair, 1))) {
            PyErr_SetString(PyExc_TypeError, "one_edit_pairs: each pair is two str");
            Py_DECREF(rest);
            return NULL;
        }
        name = PyTuple_GET_ITEM(pair, 0), other = PyTuple_GET_ITEM(pair, 1);
        n = PyUnicode_GET_LENGTH(name), m = PyUnicode_GET_LENGTH(other);
        if (!PyUnicode_IS_ASCII(name) || !PyUnicode_IS_ASCII(other) || n >= EP_LONGEST || m >= EP_LONGEST
            || memchr(PyUnicode_1BYTE_DATA(name), '\n', (size_t)n) || memchr(PyUnicode_1BYTE_DATA(other), '\n', (size_t)m)) {
            if (PyList_Append(rest, pair) < 0) {
                Py_DECREF(rest);
                return NULL;
            }
            continue;
        }
        if (ep_pair((const char *)PyUnicode_1BYTE_DATA(name), n, (const char *)PyUnicode_1BYTE_DATA(other), m)) {
            Py_DECREF(rest);
            Py_RETURN_TRUE;
        }
    }
    return rest;
}

/* near_pair_found(asked, written, few): `name_variant._near_pair_found_twin`: the names of
 * `asked` (a set of names as written), a possessive 's cut off, as the queries of
 * `near_name_pairs`, and its pairs tested by `one_edit_pairs`: True, the pairs left for the
 * caller (not ASCII; empty: none is a pair), or None where `near_name_pairs` is (many others).
 * One call where a story has names that may vary (most stories): no Python loop over them, no
 * list of pairs handed back and forth. A query is not made unique: a pair found twice is the
 * same answer. */
static PyObject *
near_pair_found(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *queries, *it, *word, *pairs, *found, *call[3];
    Py_ssize_t few;
    if (BAD_COUNT(3, 3) || BAD_SSIZE(2, few))
        return NULL;
    (void)few; /* read again by near_name_pairs: checked here, before a name is read */
    queries = PyList_New(0);
    it = queries == NULL ? NULL : PyObject_GetIter(args[0]);
    if (it == NULL) {
        Py_XDECREF(queries);
        return NULL;
    }
    while ((word = PyIter_Next(it)) != NULL) {
        PyObject *bare;
        Py_ssize_t len;
        int r;
        if (!PyUnicode_Check(word)) {
            PyErr_SetString(PyExc_TypeError, "near_pair_found: the names are str");
            Py_DECREF(word);
            break;
        }
        len = np_bare_length(word);
        bare = len == PyUnicode_GET_LENGTH(word) ? Py_NewRef(word) : PyUnicode_Substring(word, 0, len);
        r = bare == NULL ? -1 : PyList_Append(queries, bare);
        Py_XDECREF(bare);
        Py_DECREF(word);
        if (r < 0)
            break;
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(queries);
        return NULL;
    }
    call[0] = queries, call[1] = args[1], call[2] = args[2];
    pairs = near_name_pairs(self, call, 3);
    Py_DECREF(queries);
    if (pairs == NULL || pairs == Py_None)
        return pairs;
    found = one_edit_pairs(self, pairs);
    Py_DECREF(pairs);
    return found;
}

/* A name of paired_names: its text as written and the length of its bare form (a possessive 's
 * cut off), its first character, whether it is lowercase after it (an other of
 * `near_name_pairs`), and, for a bare form of ASCII without a line break and shorter than
 * EP_LONGEST, its characters as bytes (`ascii`: the word's own, or a copy in `copy`), as
 * one_edit_pairs tests a pair. */
typedef struct {
    PyObject *word;
    Py_ssize_t len, next; /* next: the next other of its bucket, -1 for none */
    Py_UCS4 first;
    int lower;
    const char *ascii;
    char copy[EP_LONGEST];
} PnName;

/* Fills `name` from `word`, a str: 0 for a name to read, 1 for an empty bare form (no name). An
 * ASCII word (most names) is read in place; another's bare form is copied when it is ASCII. */
static int
pn_read(PyObject *word, PnName *name)
{
    Py_ssize_t i, len = np_bare_length(word);
    name->word = word;
    name->len = len;
    if (len == 0)
        return 1;
#ifdef LOWER_8
    if (PyUnicode_IS_ASCII(word)) { /* most names: both tests in one read */
        const Py_UCS1 *s = PyUnicode_1BYTE_DATA(word);
        int newline;
        name->first = s[0];
        name->lower = np_ascii_shape(s, len, &newline);
        name->ascii = len < EP_LONGEST && !newline ? (const char *)s : NULL;
        return 0;
    }
#endif
    name->first = PyUnicode_READ_CHAR(word, 0);
    name->lower = np_lower_after_first(word, len);
    name->ascii = NULL;
    if (len >= EP_LONGEST)
        return 0;
    if (PyUnicode_IS_ASCII(word)) {
        const char *s = (const char *)PyUnicode_1BYTE_DATA(word);
        name->ascii = memchr(s, '\n', (size_t)len) == NULL ? s : NULL;
        return 0;
    }
    for (i = 0; i < len; i++) { /* a possessive ’s, or a letter outside ASCII */
        Py_UCS4 ch = PyUnicode_READ_CHAR(word, i);
        if (ch >= 128 || ch == '\n')
            return 0;
        name->copy[i] = (char)ch;
    }
    name->ascii = name->copy;
    return 0;
}

/* Whether two names' bare forms are the same string. */
static int
pn_same(const PnName *a, const PnName *b)
{
    int ka, kb;
    const void *da, *db;
    Py_ssize_t i;
    if (a->len != b->len)
        return 0;
    if (a->ascii != NULL && b->ascii != NULL)
        return memcmp(a->ascii, b->ascii, (size_t)a->len) == 0;
    ka = PyUnicode_KIND(a->word), kb = PyUnicode_KIND(b->word);
    da = PyUnicode_DATA(a->word), db = PyUnicode_DATA(b->word);
    for (i = 0; i < a->len; i++)
        if (PyUnicode_READ(ka, da, i) != PyUnicode_READ(kb, db, i))
            return 0;
    return 1;
}

#define PN_ON_STACK 48 /* names read without an allocation: a story's few */

/* paired_names(written): `name_variant._paired_names_twin`: whether two of the names `written`
 * (a set of names as written; another iterable is made one), a possessive 's cut off, are a pair that NL202's one-edit test
 * can pass, as `near_pair_found(written, written, len(written))` reads them: a query and an
 * other name lowercase after its first letter, with its first letter, a length at most one away
 * and not itself, which `one_edit_pairs` finds a `one_edit_pair` or leaves to its caller (not
 * ASCII). Without such a pair no name of the story can be a variant of another, whichever may
 * vary: most stories, which then ask the memory about none of their names. The set is read in
 * place, and the others are filed by their first character (64 buckets), so each name meets
 * those of its bucket alone. */
static PyObject *
paired_names(PyObject *self, PyObject *written)
{
    PnName on_stack[PN_ON_STACK], *names = on_stack;
    PyObject *key, *set = PyAnySet_Check(written) ? Py_NewRef(written) : PyFrozenSet_New(written);
    Py_ssize_t n = 0, pos = 0, i, j, heads[64];
    Py_hash_t hash;
    int found = 0, bad = 0;
    if (set == NULL)
        return NULL;
    if (PySet_GET_SIZE(set) > PN_ON_STACK
        && (names = PyMem_Malloc((size_t)PySet_GET_SIZE(set) * sizeof *names)) == NULL) {
        Py_DECREF(set);
        return PyErr_NoMemory();
    }
    /* the set is not changed while it is read: no Python code runs, and it holds the words */
    while (!bad && _PySet_NextEntry(set, &pos, &key, &hash)) {
        if (!PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "paired_names: the names are str");
            bad = 1;
        } else {
            n += pn_read(key, names + n) == 0;
        }
    }
    for (i = 0; i < 64; i++)
        heads[i] = -1;
    for (i = n - 1; i >= 0; i--) { /* the others, by their first character */
        if (names[i].lower) {
            names[i].next = heads[names[i].first & 63];
            heads[names[i].first & 63] = i;
        }
    }
    for (i = 0; i < n && !found && !bad; i++) {
        const PnName *q = names + i;
        for (j = heads[q->first & 63]; j >= 0 && !found; j = names[j].next) {
            const PnName *o = names + j;
            if (o->first != q->first || o->len < q->len - 1 || o->len > q->len + 1 || pn_same(o, q))
                continue;
            found = q->ascii == NULL || o->ascii == NULL || ep_pair(q->ascii, q->len, o->ascii, o->len);
        }
    }
    if (names != on_stack)
        PyMem_Free(names);
    Py_DECREF(set);
    return bad ? NULL : PyBool_FromLong(found);
}

/* name_keys(low): `name_variant._keys_twin(low)`: the keys of a lowercase name that NearNames
 * files it under: [low, low with one character deleted (each in turn, each string once, in the
 * order of its first deletion), and (low without its doublings,) when it has one]. Deletions
 * at i and j > i give one string exactly when low[i..j] is one character repeated, so a
 * deletion is new where its character differs from the one before it. A doubling is `(.)\1`
 * (no line break), taken out left to right as `re.sub` does. */
static PyObject *
name_keys(PyObject *self, PyObject *low)
{
    Py_UCS4 *chars, *buf;
    Py_ssize_t n, i, k;
    int doubled = 0;
    PyObject *out, *key;
    if (!PyUnicode_Check(low)) {
        PyErr_SetString(PyExc_TypeError, "name_keys(low): a str, please");
        return NULL;
    }
    n = PyUnicode_GET_LENGTH(low);
    if ((out = PyList_New(0)) == NULL || PyList_Append(out, low) < 0) {
        Py_XDECREF(out);
        return NULL;
    }
    if (n == 0)
        return out;
    if ((chars = PyUnicode_AsUCS4Copy(low)) == NULL) {
        Py_DECREF(out);
        return NULL;
    }
    buf = PyMem_New(Py_UCS4, (size_t)n);
    if (buf == NULL) {
        PyMem_Free(chars);
        Py_DECREF(out);
        return PyErr_NoMemory();
    }
    for (i = 0; i < n; i++) {
        if (i > 0 && chars[i] == chars[i - 1]) {
            if (chars[i] != '\n')
                doubled = 1;
            continue; /* the same string as the deletion before it */
        }
        memcpy(buf, chars, (size_t)i * sizeof(Py_UCS4));
        memcpy(buf + i, chars + i + 1, (size_t)(n - i - 1) * sizeof(Py_UCS4));
        key = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, n - 1);
        if (key == NULL || PyList_Append(out, key) < 0) {
            Py_XDECREF(key);
            Py_CLEAR(out);
            break;
        }
        Py_DECREF(key);
    }
    if (out != NULL && doubled) {
        PyObject *undoubled, *one;
        for (i = 0, k = 0; i < n;) {
            buf[k++] = chars[i];
            i += i + 1 < n && chars[i + 1] == chars[i] && chars[i] != '\n' ? 2 : 1;
        }
        undoubled = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, k);
        one = undoubled == NULL ? NULL : PyTuple_Pack(1, undoubled);
        Py_XDECREF(undoubled);
        if (one == NULL || PyList_Append(out, one) < 0)
            Py_CLEAR(out);
        Py_XDECREF(one);
    }
    PyMem_Free(buf);
    PyMem_Free(chars);
    return out;
}

/* keyed_near(keyed, keys, crowd): `name_variant._keyed_near_twin`: the names filed in the dict
 * `keyed` (key -> list of names) under any of `keys` (a list) that at most `crowd` names share,
 * each once, in the order met: what NearNames.of reads of a shape a big file fills. */
static PyObject *
keyed_near(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *keyed, *keys, *out, *seen;
    Py_ssize_t crowd, i, j;
    if (nargs != 3 || !PyDict_Check(args[0]) || !PyList_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "keyed_near(keyed, keys, crowd): a dict, a list and an int");
        return NULL;
    }
    keyed = args[0], keys = args[1];
    crowd = PyLong_AsSsize_t(args[2]);
    if (crowd == -1 && PyErr_Occurred())
        return NULL;
    if ((out = PyList_New(0)) == NULL)
        return NULL;
    if ((seen = PySet_New(NULL)) == NULL) {
        Py_DECREF(out);
        return NULL;
    }
    for (i = 0; i < PyList_GET_SIZE(keys); i++) {
        PyObject *found = PyDict_GetItemWithError(keyed, PyList_GET_ITEM(keys, i)); /* borrowed; no __missing__ */
        if (found == NULL) {
            if (PyErr_Occurred())
                goto fail;
            continue;
        }
        if (!PyList_Check(found)) {
            PyErr_SetString(PyExc_TypeError, "keyed_near: the names of a key are a list");
            goto fail;
        }
        if (PyList_GET_SIZE(found) > crowd)
            continue;
        for (j = 0; j < PyList_GET_SIZE(found); j++) {
            PyObject *name = PyList_GET_ITEM(found, j);
            int had = PySet_Contains(seen, name);
            if (had < 0)
                goto fail;
            if (had)
                continue;
            if (PySet_Add(seen, name) < 0 || PyList_Append(out, name) < 0)
                goto fail;
        }
    }
    Py_DECREF(seen);
    return out;
fail:
    Py_DECREF(seen);
    Py_DECREF(out);
    return NULL;
}

/* capitalised_starts(text, pairs): the starts, in order, of the matches of
 * name_variant._CAPITALISED_PAIR (a word of word characters, not after one, opening with a
 * letter that is no ASCII lowercase letter, then a space, then the word characters after it)
 * whose two words, a space between them, are in `pairs` (a set of str):
 * `name_variant._capitalised_starts_twin`. Each such word is a match (finditer's matches do not
 * overlap: each ends at its space), and only a pair of a length some pair has is made into a
 * string and looked up. */
static PyObject *
capitalised_starts(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *pairs, *out, *iter, *pair;
    unsigned long long lengths = 0; /* bit n: a pair of n characters; bit 63: longer ones */
    Py_ssize_t size, i;
    int kind;
    const void *data;
    if (BAD_COUNT(2, 2) || BAD_STR(0) || BAD_TYPE(1, PySet_Check, "set"))
        return NULL;
    text = args[0], pairs = args[1];
    iter = PyObject_GetIter(pairs);
    if (iter == NULL)
        return NULL;
    while ((pair = PyIter_Next(iter)) != NULL) {
        Py_ssize_t len = PyUnicode_Check(pair) ? PyUnicode_GET_LENGTH(pair) : 0;
        lengths |= 1ULL << (len < 63 ? len : 63);
        Py_DECREF(pair);
    }
    Py_DECREF(iter);
    if (PyErr_Occurred())
        return NULL;
    out = PyList_New(0);
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    size = PyUnicode_GET_LENGTH(text);
    for (i = 0; out != NULL && i < size;) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        Py_ssize_t end = i + 1, after;
        if (!IS_WORD(ch)) {
            i++;
            continue;
        }
        while (end < size && IS_WORD(PyUnicode_READ(kind, data, end)))
            end++;
        if (IS_LETTER(ch) && !IS_ASCII_LOWER(ch) && end < size && PyUnicode_READ(kind, data, end) == ' ') {
            for (after = end + 1; after < size && IS_WORD(PyUnicode_READ(kind, data, after)); after++)
                ;
            if (lengths >> (after - i < 63 ? after - i : 63) & 1) {
                PyObject *words = PyUnicode_Substring(text, i, after), *at = NULL;
                int in = words == NULL ? -1 : PySet_Contains(pairs, words);
                if (in > 0)
                    at = PyLong_FromSsize_t(i);
                if (in < 0 || (in > 0 && (at == NULL || PyList_Append(out, at) < 0)))
                    Py_CLEAR(out);
                Py_XDECREF(at);
                Py_XDECREF(words);
            }
        }
        i = end;
    }
    return out;
}

/* A character of [\w’'&-] (`cb_run`: a word of _entities._BEFORE runs on through them). */
#define CB_RUN(ch) (IS_WORD(ch) || (ch) == 0x2019 || (ch) == '\'' || (ch) == '&' || (ch) == '-')

/* capital_before(text, start, lookback, loose): the capitalised word or initial that ends just
 * before `start`, a space between, as (its start, the word), or None: the match of
 * _entities._BEFORE (`loose`: a word of [\w’'&-], the space a run of blanks with a line break or
 * two at most, a hard-wrapped line) or of _entities._WORD_BEFORE (a capital and lowercase
 * letters, then one space) searched in text[start - lookback : start]; their twin,
 * `_entities._capital_before_twin`, searches so. Read backwards from `start`, as the pattern
 * can only match (its `$`): the blanks before `start`, then the word before them, taken whole
 * (a shorter one would follow a word character, which the look-behind refuses), and the
 * character before it, which the look-behind reads even before the window. A big file asks it
 * of each of tens of thousands of names' uses, where the search tried each place in the window. */
static PyObject *
capital_before(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t size, start, lookback, low, at, end;
    int loose, kind;
    const void *data;
    Py_UCS4 ch;
    if (BAD_COUNT(4, 4) || BAD_STR(0) || BAD_SSIZE(1, start) || BAD_SSIZE(2, lookback) || BAD_INT(3, loose))
        return NULL;
    kind = PyUnicode_KIND(args[0]);
    data = PyUnicode_DATA(args[0]);
    size = PyUnicode_GET_LENGTH(args[0]);
    low = start - lookback > 0 ? start - lookback : 0; /* the window's start, from `start` as given */
    start = start < 0 ? 0 : start > size ? size : start; /* as a search clips its end */
#define CB_READ(i) PyUnicode_READ(kind, data, (i))
    if (loose) {
        int breaks = 0;
        end = start; /* the word ends where the blanks before `start` begin */
        while (end > low && ((ch = CB_READ(end - 1)) == ' ' || ch == '\t' || ch == '\n')) {
            breaks += ch == '\n';
            end--;
        }
        /* no blank, or more line breaks than the space holds (two: the second just before
         * `start`, where `$` matches before it) */
        if (end == start || end == low || breaks > 2 || (breaks == 2 && CB_READ(start - 1) != '\n'))
            Py_RETURN_NONE;
        ch = CB_READ(end - 1);
        if (ch == '.')
            at = end - 2; /* an initial */
        else if (CB_RUN(ch)) {
            for (at = end - 1; at > low && CB_RUN(CB_READ(at - 1)); at--)
                ;
        }
        else
            Py_RETURN_NONE;
        if (at < low || !IS_ASCII_UPPER(CB_READ(at)))
            Py_RETURN_NONE;
        if (at > 0 && (CB_RUN(ch = CB_READ(at - 1)) || ch == '.'))
            Py_RETURN_NONE; /* the look-behind, before the window too */
    }
    else {
        if (start - 1 < low)
            Py_RETURN_NONE;
        ch = CB_READ(start - 1);
        if (ch == ' ')
            end = start - 1;
        else if (ch == '\n' && start - 2 >= low && CB_READ(start - 2) == ' ')
            end = start - 2; /* `$` before a line break that ends the window */
        else
            Py_RETURN_NONE;
        if (end - 1 < low)
            Py_RETURN_NONE;
        ch = CB_READ(end - 1);
        if (IS_ASCII_LOWER(ch)) {
            for (at = end - 1; at > low && IS_ASCII_LOWER(CB_READ(at - 1)); at--)
                ;
            at--; /* the capital before the lowercase run */
        }
        else if (IS_ASCII_UPPER(ch))
            at = end - 1;
        else if (ch == '.')
            at = end - 2;
        else
            Py_RETURN_NONE;
        if (at < low || !IS_ASCII_UPPER(CB_READ(at)))
            Py_RETURN_NONE;
        if (at > 0 && (IS_WORD(ch = CB_READ(at - 1)) || ch == '.' || ch == 0x2019 || ch == '\'' || ch == '-'))
            Py_RETURN_NONE;
    }
#undef CB_READ
    {
        PyObject *items[2] = {PyLong_FromSsize_t(at), PyUnicode_Substring(args[0], at, end)};
        return tuple_of_new(2, items);
    }
}

/* `title_runs`' close of a run of `run` words at text[start:end]: its start added to the run's
 * list in `out` when it has two words or more and no joiner (name_variant._JOINERS: . ' ’ - _)
 * glues it to the word before; 0, or -1 with an error. */
static int
tr_close(PyObject *out, PyObject *text, int kind, const void *data, Py_ssize_t start, Py_ssize_t end,
         Py_ssize_t run)
{
    PyObject *key, *starts, *at;
    int err;
    if (run < 2)
        return 0;
    if (start > 0) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, start - 1);
        if (ch == '.' || ch == '\'' || ch == 0x2019 || ch == '-' || ch == '_')
            return 0;
    }
    key = PyUnicode_Substring(text, start, end);
    if (key == NULL)
        return -1;
    starts = PyDict_GetItemWithError(out, key); /* borrowed */
    if (starts == NULL) {
        if (PyErr_Occurred() || (starts = PyList_New(0)) == NULL) {
            Py_DECREF(key);
            return -1;
        }
        err = PyDict_SetItem(out, key, starts);
        Py_DECREF(starts); /* the dict holds it */
        if (err < 0) {
            Py_DECREF(key);
            return -1;
        }
    }
    Py_DECREF(key);
    at = PyLong_FromSsize_t(start);
    err = at == NULL ? -1 : PyList_Append(starts, at);
    Py_XDECREF(at);
    return err;
}

/* title_runs(text, words, ids, starts, at): name_variant._title_runs of the tokens `at` (int32s:
 * indices into the token index, ascending) whose words are words[ids[i]] at starts[i]: the runs
 * of two words or more, each one space after the one before, not glued to a word before them,
 * as a dict of each run's text -> its starts. A big file's capitalised words are two hundred
 * thousand places, a Python loop's turn each (`_indexed_runs`). */
static PyObject *
title_runs(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer ids, starts, at;
    PyObject *text, *words, *out;
    Py_ssize_t k, n, count, size, start = -2, end = -2, run = 0;
    int kind;
    const void *data;
    if (BAD_COUNT(5, 5) || BAD_STR(0) || BAD_TYPE(1, PyList_Check, "list"))
        return NULL;
    text = args[0], words = args[1];
    if (int32_buffer(args[2], &ids, "the ids") < 0)
        return NULL;
    if (int32_buffer(args[3], &starts, "the starts") < 0) {
        PyBuffer_Release(&ids);
        return NULL;
    }
    if (int32_buffer(args[4], &at, "the places") < 0) {
        PyBuffer_Release(&ids);
        PyBuffer_Release(&starts);
        return NULL;
    }
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    size = PyUnicode_GET_LENGTH(text);
    count = ids.len / (Py_ssize_t)sizeof(int);
    if (starts.len / (Py_ssize_t)sizeof(int) < count)
        count = starts.len / (Py_ssize_t)sizeof(int);
    n = at.len / (Py_ssize_t)sizeof(int);
    out = PyDict_New();
    for (k = 0; out != NULL && k < n; k++) {
        int i = ((const int *)at.buf)[k], id;
        Py_ssize_t s, e;
        if (i < 0 || i >= count || (id = ((const int *)ids.buf)[i]) < 0 || id >= PyList_GET_SIZE(words) ||
            !PyUnicode_Check(PyList_GET_ITEM(words, id))) {
            PyErr_SetString(PyExc_IndexError, "title_runs: a place outside the token index");
            Py_CLEAR(out);
            break;
        }
        s = ((const int *)starts.buf)[i];
        e = s + PyUnicode_GET_LENGTH(PyList_GET_ITEM(words, id));
        if (s < 0 || e > size) {
            PyErr_SetString(PyExc_IndexError, "title_runs: a token outside the text");
            Py_CLEAR(out);
            break;
        }
        if (end >= 0 && s == end + 1 && PyUnicode_READ(kind, data, end) == ' ')
            run++;
        else {
            if (tr_close(out, text, kind, data, start, end, run) < 0)
                Py_CLEAR(out);
            start = s, run = 1;
        }
        end = e;
    }
    if (out != NULL && tr_close(out, text, kind, data, start, end, run) < 0)
        Py_CLEAR(out);
    PyBuffer_Release(&ids);
    PyBuffer_Release(&starts);
    PyBuffer_Release(&at);
    return out;
}

/* The end of the match of abbreviation_style._FORMS at i (a capital not after a word character
 * or a full stop), or -1: U.S. (capitals each with its stop, two or more), US
 * (capitals, then no word character and no stop before one), Nato (a capital and three
 * lowercase letters or more, then no word character). Each choice is the only one that can
 * succeed at its next character, and each run is taken whole (a shorter one leaves a letter
 * next, which its look-ahead refuses). With a match, *plain is set to whether it is plain
 * (`nt_add`: Nato is, U.S. and US are not); read it only with a match. */
static ALWAYS_INLINE Py_ssize_t
nt_form_match(int kind, const void *data, Py_ssize_t n, Py_ssize_t i, int *plain)
{
    Py_ssize_t j = i + 1;
    if (!IS_ASCII_UPPER(NT_READ(i)) || (i > 0 && (NT_READ(i - 1) == '.' || IS_WORD(NT_READ(i - 1)))))
        return -1;
    *plain = 0;
    if (j < n && NT_READ(j) == '.') {
        while (j + 2 <= n && IS_ASCII_UPPER(NT_READ(j + 1)) && NT_READ(j + 2) == '.')
            j += 2;
        return j > i + 1 ? j + 1 : -1;
    }
    if (j < n && IS_ASCII_UPPER(NT_READ(j))) {
        while (j < n && IS_ASCII_UPPER(NT_READ(j)))
            j++;
        if (nt_word_at(kind, data, n, j) || (j < n && NT_READ(j) == '.' && nt_word_at(kind, data, n, j + 1)))
            return -1;
        return j;
    }
    while (j < n && IS_ASCII_LOWER(NT_READ(j)))
        j++;
    *plain = 1; /* a capital and its lowercase run (Nato) */
    return j - i > 3 && !nt_word_at(kind, data, n, j) ? j : -1;
}

/* `nt_form_match` in a one-byte text (`nt_match_1`). */
static ALWAYS_INLINE Py_ssize_t
nt_form_match_1(int kind, const void *data, Py_ssize_t n, Py_ssize_t i, int *plain)
{
    (void)kind;
    return nt_form_match(PyUnicode_1BYTE_KIND, data, n, i, plain);
}

/* Whether a form of `mixed_forms` that is no capitals (Nato) is compared: not a word of `lists`'
 * words (in lowercase) nor one of its names (`abbreviation_style._compared`). `lists` is called
 * once, when first needed, for (words, names): *found holds them then. 1, 0, or -1. */
static int
mf_compared(PyObject *form, PyObject *lists, PyObject **found)
{
    PyObject *low;
    int in;
    if (*found == NULL) {
        *found = PyObject_CallNoArgs(lists);
        if (*found == NULL)
            return -1;
        if (!PyTuple_Check(*found) || PyTuple_GET_SIZE(*found) != 2) {
            PyErr_SetString(PyExc_TypeError, "mixed_forms: lists() gives (words, names)");
            return -1;
        }
    }
    if (PyUnicode_IS_ASCII(form)) { /* each such form (Nato): no method call for its lowercase */
        Py_ssize_t i, n = PyUnicode_GET_LENGTH(form);
        const Py_UCS1 *from = PyUnicode_1BYTE_DATA(form);
        Py_UCS1 *to;
        if ((low = PyUnicode_New(n, 127)) == NULL)
            return -1;
        to = PyUnicode_1BYTE_DATA(low);
        for (i = 0; i < n; i++)
            to[i] = (Py_UCS1)Py_TOLOWER(from[i]);
    }
    else if ((low = PyObject_CallMethod(form, "lower", NULL)) == NULL)
        return -1;
    in = PySequence_Contains(PyTuple_GET_ITEM(*found, 0), low);
    Py_DECREF(low);
    if (in == 0)
        in = PySequence_Contains(PyTuple_GET_ITEM(*found, 1), form);
    return in < 0 ? -1 : !in;
}

/* Whether match i writes a form its group wrote before (`nt_same`); if not, it joins its group's
 * distinct forms, a chain through `later` from the group's first match (the group's number: met
 * first, it opens the chain). Two matches of one form have one key, so they are in one group:
 * a repeated form is found among its group's forms (three at most: N.A.T.O., NATO, Nato), not
 * made into a string and hashed. */
static ALWAYS_INLINE int
ft_form_met(int kind, const void *data, const NameScan *scan, int *later, Py_ssize_t i)
{
    const NameMatch *m = &scan->found[i];
    int j = m->group;
    if (j != (int)i)
        for (;; j = later[j]) {
            if (nt_same(kind, data, &scan->found[j], m))
                return 1;
            if (later[j] < 0)
                break;
        }
    if (j != (int)i)
        later[j] = (int)i;
    later[i] = -1;
    return 0;
}

/* `form_twins` (`lists` NULL: a list of the twins, in order of first use) and `mixed_forms` (a
 * set of those of them it keeps, `mf_compared` asked of those without capitals through `lists`),
 * one walk of the scan's matches for both. */
static PyObject *
ft_twins(PyObject *text, PyObject *lists)
{
    PyObject *out = NULL, *kept = NULL, *found = NULL;
    NameScan scan = {0};
    unsigned char *groups = NULL; /* per group: 1 a form in capitals, 2 one form kept, 4 two or more */
    int *later = NULL;            /* per distinct form: its group's next (`ft_form_met`) */
    int *kept_group = NULL;       /* per kept form: its group (a big file's matches are many, its forms few) */
    Py_ssize_t i, room = 0;
    int kind = PyUnicode_KIND(text), any;
    const void *data = PyUnicode_DATA(text);
    if ((any = nt_scan(&scan, text, 0, nt_form_match, nt_form_match_1, 0, 0, 0, (NtKeys)NT_FORM_KEYS)) < 0)
        goto nomemory;
    out = lists == NULL ? PyList_New(0) : PySet_New(NULL);
    if (out == NULL || !any)
        goto done;
    /* a group counts with a form in capitals: one that has no lowercase letter */
    groups = PyMem_Calloc(scan.count, 1);
    later = PyMem_Malloc(scan.count * sizeof *later);
    kept = PyList_New(0);
    if (groups == NULL || later == NULL || kept == NULL) {
        Py_CLEAR(out);
        if (groups == NULL || later == NULL)
            PyErr_NoMemory();
        goto done;
    }
    for (i = 0; i < scan.count; i++) {
        NameMatch *m = &scan.found[i];
        if (scan.multi[m->group] && !IS_ASCII_LOWER(NT_READ(m->end - 1)))
            groups[m->group] = 1;
    }
    for (i = 0; i < scan.count; i++) {
        NameMatch *m = &scan.found[i];
        PyObject *form;
        int err = 0, keep = 1;
        if (!scan.multi[m->group] || !(groups[m->group] & 1) || ft_form_met(kind, data, &scan, later, i))
            continue;
        form = PyUnicode_Substring(text, m->start, m->end);
        if (form == NULL)
            goto fail;
        if (lists == NULL) { /* form_twins: every twin */
            if (PyList_Append(out, form) < 0)
                err = -1;
            keep = 0;
        }
        if (err == 0 && keep && IS_ASCII_LOWER(NT_READ(m->end - 1))) /* no capitals: Nato */
            keep = mf_compared(form, lists, &found);
        if (err == 0 && keep < 0)
            err = -1;
        if (err == 0 && keep && PyList_GET_SIZE(kept) == room) {
            int *grown = PyMem_Realloc(kept_group, (room * 2 + 16) * sizeof *grown);
            if (grown == NULL) {
                PyErr_NoMemory();
                err = -1;
            } else {
                kept_group = grown;
                room = room * 2 + 16;
            }
        }
        if (err == 0 && keep) {
            kept_group[PyList_GET_SIZE(kept)] = m->group;
            groups[m->group] |= groups[m->group] & 2 ? 4 : 2;
            if (PyList_Append(kept, form) < 0)
                err = -1;
        }
        Py_DECREF(form);
        if (err < 0)
            goto fail;
    }
    for (i = 0; i < PyList_GET_SIZE(kept); i++) /* the letters two forms still write */
        if (groups[kept_group[i]] & 4 && PySet_Add(out, PyList_GET_ITEM(kept, i)) < 0)
            goto fail;
    goto done;
nomemory:
    PyErr_NoMemory();
fail:
    Py_CLEAR(out);
done:
    Py_XDECREF(kept);
    Py_XDECREF(found);
    PyMem_Free(groups);
    PyMem_Free(later);
    PyMem_Free(kept_group);
    nt_free(&scan);
    return out;
}

/* form_twins(text): the distinct forms of abbreviation_style._FORMS's matches in text whose
 * letters (stops cut, in capitals) the text writes two ways or more, one of them without a
 * lowercase letter (US beside U.S., NATO beside Nato): a list, in order of first use. Most
 * stories have none, and then no string is made. */
static PyObject *
form_twins(PyObject *self, PyObject *text)
{
    if (BAD_STR_O(text))
        return NULL;
    return ft_twins(text, NULL);
}

/* mixed_forms(text, lists): `abbreviation_style._mixed_forms_twin`: the forms of `form_twins`
 * (letters written two ways, one in capitals), those that are no capitals kept only when
 * compared (`mf_compared`: no word or name), and of those only the letters still written two
 * ways: a set. In one call, no list of the twins made and walked in Python (two thirds of the
 * stories have twins: a headline in capitals, JAPAN beside Japan, where Japan is a name). */
static PyObject *
mixed_forms(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (BAD_COUNT(2, 2) || BAD_STR(0))
        return NULL;
    return ft_twins(args[0], args[1]);
}

/* form_places(text, forms): `abbreviation_style._places_twin`: the (start, end) of each match of
 * abbreviation_style._FORMS in text (nt_form_match at each capital in turn, as finditer finds
 * them: no match starts inside another, its look-behind refusing a capital after a word
 * character) whose form is in `forms` (a set of str), in text order. Only a match of
 * a length and a first capital some form has is made into a string and looked up: a big file's
 * capitalised words are hundreds of thousands of matches, its forms a few. */
static PyObject *
form_places(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *forms, *out, *iter, *form;
    unsigned long long lengths = 0; /* bit n: a form of n characters; bit 63: longer ones */
    unsigned long firsts = 0;       /* bit c - 'A': a form opens with the capital c */
    Py_ssize_t n, i;
    int kind;
    const void *data;
    if (BAD_COUNT(2, 2) || BAD_STR(0) || BAD_TYPE(1, PySet_Check, "set"))
        return NULL;
    text = args[0], forms = args[1];
    iter = PyObject_GetIter(forms);
    if (iter == NULL)
        return NULL;
    while ((form = PyIter_Next(iter)) != NULL) {
        Py_ssize_t len = PyUnicode_Check(form) ? PyUnicode_GET_LENGTH(form) : 0;
        if (len > 0 && IS_ASCII_UPPER(PyUnicode_READ_CHAR(form, 0))) { /* no other form is a match */
            lengths |= 1ULL << (len < 63 ? len : 63);
            firsts |= 1UL << (PyUnicode_READ_CHAR(form, 0) - 'A');
        }
        Py_DECREF(form);
    }
    Py_DECREF(iter);
    if (PyErr_Occurred())
        return NULL;
    out = PyList_New(0);
    if (out == NULL || !firsts)
        return out;
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    n = PyUnicode_GET_LENGTH(text);
    for (i = 0; i < n;) {
        Py_UCS4 ch;
        Py_ssize_t end;
        int plain; /* not needed here */
        if (kind == PyUnicode_1BYTE_KIND) { /* to the next capital, a byte at a time */
            const Py_UCS1 *b = data;
            while (i < n && (Py_UCS1)(b[i] - 'A') > 'Z' - 'A')
                i++;
            if (i >= n)
                break;
        }
        ch = NT_READ(i);
        if (!IS_ASCII_UPPER(ch) || (end = nt_form_match(kind, data, n, i, &plain)) < 0) {
            i++;
            continue;
        }
        if (firsts >> (ch - 'A') & 1 && lengths >> (end - i < 63 ? end - i : 63) & 1) {
            PyObject *found = PyUnicode_Substring(text, i, end), *span = NULL;
            int in = found == NULL ? -1 : PySet_Contains(forms, found);
            if (in > 0)
                span = ssize_pair(i, end);
            if (in < 0 || (in > 0 && (span == NULL || PyList_Append(out, span) < 0)))
                Py_CLEAR(out);
            Py_XDECREF(span);
            Py_XDECREF(found);
            if (out == NULL)
                return NULL;
        }
        i = end;
    }
    return out;
}

/* capital_forms(text, start): the distinct forms of abbreviation_style._FORMS's matches in text
 * from `start` on (as findall(text, start) finds them) whose letters (stops cut, in capitals)
 * the text writes at least once without a lowercase letter (US, U.S., NATO; Nato beside NATO),
 * in order of first use: what NL204 learns from. A story with no form in capitals makes no
 * string. */
static PyObject *
capital_forms(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *out = NULL, *seen = NULL;
    NameScan scan = {0};
    char *capitals = NULL;
    Py_ssize_t i, start, any = 0;
    int kind;
    const void *data;
    if (BAD_COUNT(2, 2) || BAD_STR(0) || BAD_SSIZE(1, start))
        return NULL;
    text = args[0];
    if (start < 0)
        start = 0;
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    if (nt_scan(&scan, text, start, nt_form_match, nt_form_match_1, 0, 0, 0, (NtKeys)NT_FORM_KEYS) < 0)
        goto nomemory;
    out = PyList_New(0);
    if (out == NULL || scan.count == 0)
        goto done;
    capitals = PyMem_Calloc(scan.count, 1);
    if (capitals == NULL) {
        Py_CLEAR(out);
        PyErr_NoMemory();
        goto done;
    }
    for (i = 0; i < scan.count; i++) {
        NameMatch *m = &scan.found[i];
        if (!IS_ASCII_LOWER(NT_READ(m->end - 1))) { /* a form ends in lowercase only as a word (Nato) */
            capitals[m->group] = 1;
            any = 1;
        }
    }
    if (!any)
        goto done;
    seen = PySet_New(NULL);
    if (seen == NULL) {
        Py_CLEAR(out);
        goto done;
    }
    for (i = 0; i < scan.count; i++) {
        NameMatch *m = &scan.found[i];
        PyObject *form;
        int known;
        if (!capitals[m->group])
            continue;
        form = PyUnicode_Substring(text, m->start, m->end);
        if (form == NULL)
            goto fail;
        known = PySet_Contains(seen, form);
        if (known == 0 && (PySet_Add(seen, form) < 0 || PyList_Append(out, form) < 0))
            known = -1;
        Py_DECREF(form);
        if (known < 0)
            goto fail;
    }
    goto done;
nomemory:
    PyErr_NoMemory();
fail:
    Py_CLEAR(out);
done:
    Py_XDECREF(seen);
    PyMem_Free(capitals);
    nt_free(&scan);
    return out;
}
#undef NT_READ

/* --- the sentence split (newslint.segment._sentences): a paragraph's sentences --- */

#define SS_READ(i) PyUnicode_READ(kind, data, (i))

/* The first i of [i, end) whose character `table` marks, or end: a one-byte text's characters
 * that cannot matter skipped four at a time (a loop reading each one through PyUnicode_READ took
 * ten instructions a character, and parsing reads each character of a story in several loops).
 * m0 to m4 are the characters the table marks, 0 after the last (`MARKS_AGREE`, checked when the
 * module is made): with SSE2 sixteen bytes are compared with each of them at a time, the table
 * read for the last fifteen. (Constants, inlined: no loop over them.) */
static ALWAYS_INLINE Py_ssize_t
ucs1_skip(const void *data, Py_ssize_t i, Py_ssize_t end, const unsigned char table[256], int m0, int m1, int m2,
          int m3, int m4)
{
    const Py_UCS1 *p = (const Py_UCS1 *)data;
#if defined(__SSE2__)
    for (; i + 16 <= end; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(p + i)), hit = _mm_cmpeq_epi8(x, _mm_set1_epi8((char)m0));
        unsigned found;
        if (m1)
            hit = _mm_or_si128(hit, _mm_cmpeq_epi8(x, _mm_set1_epi8((char)m1)));
        if (m2)
            hit = _mm_or_si128(hit, _mm_cmpeq_epi8(x, _mm_set1_epi8((char)m2)));
        if (m3)
            hit = _mm_or_si128(hit, _mm_cmpeq_epi8(x, _mm_set1_epi8((char)m3)));
        if (m4)
            hit = _mm_or_si128(hit, _mm_cmpeq_epi8(x, _mm_set1_epi8((char)m4)));
        if ((found = (unsigned)_mm_movemask_epi8(hit)) != 0)
            return i + __builtin_ctz(found);
    }
#else
    (void)m0, (void)m1, (void)m2, (void)m3, (void)m4;
#endif
    while (i + 4 <= end && !(table[p[i]] | table[p[i + 1]] | table[p[i + 2]] | table[p[i + 3]]))
        i += 4;
    while (i < end && !table[p[i]])
        i++;
    return i;
}

/* The characters a sentence's end opens with, for ucs1_skip. */
static const unsigned char SENTENCE_END_MARK[256] = {['.'] = 1, ['!'] = 1, ['?'] = 1};
#define SENTENCE_END_MARKS '.', '!', '?', 0, 0

/* Whether the full stop at `dot` ends an abbreviation (segment._is_abbreviation): the letters and
 * stops before it, at most 32 characters back, hold a stop or are one letter, or are a word of
 * `abbreviations` in lowercase (str.lower, called on the word: exact for any letter). 1, 0, or
 * -1 with an exception set. */
static int
ss_abbreviation(PyObject *text, int kind, const void *data, Py_ssize_t dot, PyObject *abbreviations)
{
    Py_ssize_t j = dot, stop = dot > 32 ? dot - 32 : 0, i;
    PyObject *word, *lower;
    char ascii[32]; /* the word, lowered, when it is ASCII: at most 32 letters */
    int found;
    while (j > stop && (Py_UNICODE_ISALPHA(SS_READ(j - 1)) || SS_READ(j - 1) == '.'))
        j--;
    if (dot - j == 1)
        return 1;
    for (i = j; i < dot; i++)
        if (SS_READ(i) == '.')
            return 1;
    for (i = j; i < dot && SS_READ(i) < 128; i++)
        ascii[i - j] = (char)Py_TOLOWER(SS_READ(i));
    if (i == dot) /* an ASCII word (most): lowered here, where calling str.lower took twice as long */
        lower = PyUnicode_FromStringAndSize(ascii, dot - j);
    else {
        word = PyUnicode_Substring(text, j, dot);
        if (word == NULL)
            return -1;
        lower = PyObject_CallMethod(word, "lower", NULL);
        Py_DECREF(word);
    }
    if (lower == NULL)
        return -1;
    found = PySet_Contains(abbreviations, lower);
    Py_DECREF(lower);
    return found;
}

/* Append span_type(text[start:end] stripped of white space) to `out` unless that is empty: 0, or
 * -1 with an exception set. */
static int
ss_append_trimmed(PyObject *out, PyTypeObject *span_type, int kind, const void *data, Py_ssize_t start,
                  Py_ssize_t end)
{
    while (start < end && Py_UNICODE_ISSPACE(SS_READ(start)))
        start++;
    while (end > start && Py_UNICODE_ISSPACE(SS_READ(end - 1)))
        end--;
    return end > start ? append_span(out, span_type, start, end) : 0;
}

/* ss_append_trimmed for a sentence of the paragraph `whole` (a span): a sentence that is the whole
 * paragraph is that span itself, and one that starts or ends where it does shares that offset's
 * int: a big file's one-sentence paragraphs hold no second span of each (segment's twin, too). */
static int
ss_append_sentence(PyObject *out, PyTypeObject *span_type, int kind, const void *data, Py_ssize_t start,
                   Py_ssize_t end, PyObject *whole)
{
    PyObject *a, *b, *span;
    int failed;
    while (start < end && Py_UNICODE_ISSPACE(SS_READ(start)))
        start++;
    while (end > start && Py_UNICODE_ISSPACE(SS_READ(end - 1)))
        end--;
    if (end <= start)
        return 0;
    a = PyTuple_GET_ITEM(whole, 0);
    b = PyTuple_GET_ITEM(whole, 1);
    if (PyLong_AsSsize_t(a) != start)
        a = NULL;
    if (PyLong_AsSsize_t(b) != end)
        b = NULL;
    if (a != NULL && b != NULL && Py_IS_TYPE(whole, span_type))
        return PyList_Append(out, whole);
    a = a != NULL ? Py_NewRef(a) : PyLong_FromSsize_t(start);
    b = b != NULL ? Py_NewRef(b) : PyLong_FromSsize_t(end);
    span = a != NULL && b != NULL ? span_type->tp_alloc(span_type, 2) : NULL;
    if (span == NULL) {
        Py_XDECREF(a);
        Py_XDECREF(b);
        return -1;
    }
    PyTuple_SET_ITEM(span, 0, a);
    PyTuple_SET_ITEM(span, 1, b);
    failed = PyList_Append(out, untracked_span(span));
    Py_DECREF(span);
    return failed;
}

/* Whether segment._SENTENCE_NEXT matches at i, reading nothing from `end` on: white space, an
 * opening quote or bracket maybe, and a capital or a digit. */
static int
ss_next_opens(int kind, const void *data, Py_ssize_t i, Py_ssize_t end)
{
    Py_UCS4 ch;
    if (i >= end || !Py_UNICODE_ISSPACE(SS_READ(i)))
        return 0;
    while (i < end && Py_UNICODE_ISSPACE(SS_READ(i)))
        i++;
    if (i < end) {
        ch = SS_READ(i);
        if (ch == '"' || ch == 0x201C || ch == 0x2018 || ch == '\'' || ch == '(' || ch == '[')
            i++;
    }
    if (i >= end)
        return 0;
    ch = SS_READ(i);
    return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

/* The sentences of one paragraph text[start:end] (segment._sentences' loop): cut after each run
 * of end marks and closing quotes (segment._SENTENCE_END) that _SENTENCE_NEXT follows, unless
 * its last mark is the full stop of an abbreviation; each piece stripped, empty ones left out. */
static int
ss_paragraph(PyObject *out, PyTypeObject *span_type, PyObject *text, int kind, const void *data,
             Py_ssize_t start, Py_ssize_t end, PyObject *abbreviations, PyObject *whole)
{
    Py_ssize_t i = start;
    while (i < end) {
        Py_UCS4 ch;
        Py_ssize_t dot, after;
        if (kind == PyUnicode_1BYTE_KIND && (i = ucs1_skip(data, i, end, SENTENCE_END_MARK, SENTENCE_END_MARKS)) >= end)
            break;
        ch = SS_READ(i);
        if (ch != '.' && ch != '!' && ch != '?') {
            i++;
            continue;
        }
        while (i < end && ((ch = SS_READ(i)) == '.' || ch == '!' || ch == '?'))
            i++;
        dot = i - 1;
        while (i < end && ((ch = SS_READ(i)) == '"' || ch == 0x201D || ch == 0x2019 || ch == '\'' || ch == ')' ||
                           ch == ']'))
            i++;
        after = i;
        if (!ss_next_opens(kind, data, after, end))
            continue;
        if (SS_READ(dot) == '.') {
            int abbreviation = ss_abbreviation(text, kind, data, dot, abbreviations);
            if (abbreviation < 0)
                return -1;
            if (abbreviation)
                continue;
        }
        if (ss_append_sentence(out, span_type, kind, data, start, after, whole) < 0)
            return -1;
        start = after;
    }
    return ss_append_sentence(out, span_type, kind, data, start, end, whole);
}

/* The sentences of the paragraph text[start:end] (`whole`, its span) appended to `out`: read from
 * `read_from` (the end of a dateline that opens at `opens`) where the dateline opens it and the
 * text from there is not all white space, else whole (sentence_spans). */
static int
ss_sentences(PyObject *out, PyTypeObject *span_type, PyObject *text, int kind, const void *data, Py_ssize_t start,
             Py_ssize_t end, Py_ssize_t opens, Py_ssize_t read_from, PyObject *abbreviations, PyObject *whole)
{
    Py_ssize_t first = start == opens && read_from > start ? read_from : start;
    while (first < end && Py_UNICODE_ISSPACE(SS_READ(first)))
        first++;
    if (first >= end)
        first = start; /* nothing after the dateline: the paragraph is read whole */
    return ss_paragraph(out, span_type, text, kind, data, first, end, abbreviations, whole);
}

/* The start and end of `dateline` (a span, or None: left as they are) into *opens and *read_from:
 * 0, or -1 with a TypeError naming `fn` when it is neither. */
static int
ss_dateline_bounds(const char *fn, PyObject *dateline, Py_ssize_t *opens, Py_ssize_t *read_from)
{
    if (dateline == Py_None)
        return 0;
    if (!PyTuple_Check(dateline) || PyTuple_GET_SIZE(dateline) != 2) {
        PyErr_Format(PyExc_TypeError, "%s: the dateline is a span or None", fn);
        return -1;
    }
    *opens = PyLong_AsSsize_t(PyTuple_GET_ITEM(dateline, 0));
    *read_from = PyLong_AsSsize_t(PyTuple_GET_ITEM(dateline, 1));
    return PyErr_Occurred() ? -1 : 0;
}

/* sentence_spans(text, span_type, paragraphs, dateline, abbreviations): the sentences of the
 * paragraphs (spans), as span_type(start, end), in order: newslint.segment._sentences after the
 * headline. The paragraph that the dateline (a span, or None) opens is read from its end when
 * the text from there is not all white space. */
static PyObject *
sentence_spans(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *paragraphs, *dateline, *abbreviations, *out = NULL, *seq = NULL;
    PyTypeObject *span_type;
    Py_ssize_t *starts = NULL, *ends = NULL, k, n, length, opens = -1, read_from = -1;
    int kind;
    const void *data;
    if (BAD_COUNT(5, 5) || BAD_STR(0) || BAD_TYPE(1, PyType_Check, "type"))
        return NULL;
    text = args[0], span_type = (PyTypeObject *)args[1], paragraphs = args[2], dateline = args[3];
    abbreviations = args[4];
    if (!PyType_IsSubtype(span_type, &PyTuple_Type) || !PyAnySet_Check(abbreviations)) {
        PyErr_SetString(PyExc_TypeError, "sentence_spans: a tuple type and a set, please");
        return NULL;
    }
    if (ss_dateline_bounds("sentence_spans", dateline, &opens, &read_from) < 0)
        return NULL;
    if (read_spans(paragraphs, &starts, &ends, &n) < 0)
        return NULL;
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    length = PyUnicode_GET_LENGTH(text);
    seq = PySequence_Fast(paragraphs, "sentence_spans: the paragraphs are a sequence");
    out = seq != NULL ? PyList_New(0) : NULL;
    if (out == NULL)
        goto fail;
    for (k = 0; k < n; k++) {
        if (starts[k] < 0 || ends[k] < starts[k] || ends[k] > length) {
            PyErr_SetString(PyExc_ValueError, "sentence_spans: a paragraph outside the text");
            goto fail;
        }
        if (ss_sentences(out, span_type, text, kind, data, starts[k], ends[k], opens, read_from, abbreviations,
                         PySequence_Fast_GET_ITEM(seq, k)) < 0)
            goto fail;
    }
    Py_DECREF(seq);
    PyMem_Free(starts);
    PyMem_Free(ends);
    return out;
fail:
    Py_XDECREF(seq);
    Py_XDECREF(out);
    PyMem_Free(starts);
    PyMem_Free(ends);
    return NULL;
}

/* The characters a column gap opens with, for ucs1_skip. */
static const unsigned char GAP_MARK[256] = {[' '] = 1, ['\t'] = 1};
#define GAP_MARKS ' ', '\t', 0, 0, 0

/* Whether the eight bytes at p hold a tab or two spaces side by side, where a column gap can
 * start: read as one word, each byte equal to the one sought marked by its top bit (exact: no
 * borrow crosses bytes). A gap opens at a tab or at two spaces, and two bytes side by side lie
 * in the same window when the windows step seven bytes: a window without either is skipped. */
static inline int
ucs1_may_open_gap(const Py_UCS1 *p)
{
    const unsigned long long low = 0x7F7F7F7F7F7F7F7FULL, top = ~low;
    unsigned long long word, spaces, tabs;
    memcpy(&word, p, sizeof word);
    spaces = word ^ 0x2020202020202020ULL;
    spaces = ~(((spaces & low) + low) | spaces) & top;
    tabs = word ^ 0x0909090909090909ULL;
    tabs = ~(((tabs & low) + low) | tabs) & top;
    return (tabs | (spaces & (spaces >> 8))) != 0;
}

/* read_whole(path, limit): the bytes of the file at `path` (a str), when it is a regular file of
 * at most `limit` bytes (-1: no limit) and gives its size, asked in one read of its size and one
 * byte more (sources.read_regular's steps, without a Python call and a stat_result a step: the
 * fstat alone built a structure of twenty fields, a story's file read in about 4.9 us of which
 * the calls were half); None for anything else (no file, a folder, a fifo, a file past the limit,
 * one that grew or shrank, any error), which sources.read_regular then reads and reports in
 * Python as before. Not where open, fstat and read are not the system's (Windows): None. */
#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#define HAVE_READ_WHOLE 1
#endif
static PyObject *
read_whole(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t limit;
    if (nargs != 2 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "read_whole(path, limit): path a str");
        return NULL;
    }
    limit = PyLong_AsSsize_t(args[1]);
    if (limit == -1 && PyErr_Occurred())
        return NULL;
#ifdef HAVE_READ_WHOLE
    {
        PyObject *encoded = NULL, *data = NULL;
        struct stat info;
        Py_ssize_t size = -1, got = -1;
        int fd, flags = O_RDONLY;
#ifdef O_NONBLOCK
        flags |= O_NONBLOCK; /* a fifo opened for reading waits for a writer: refused after fstat */
#endif
#ifdef O_NOCTTY
        flags |= O_NOCTTY;
#endif
#ifdef O_CLOEXEC
        flags |= O_CLOEXEC;
#endif
        if (!PyUnicode_FSConverter(args[0], &encoded)) { /* (a NUL in it: Python says what) */
            PyErr_Clear();
            Py_RETURN_NONE;
        }
        Py_BEGIN_ALLOW_THREADS
        fd = open(PyBytes_AS_STRING(encoded), flags);
        if (fd >= 0 && fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size >= 0 &&
            (unsigned long long)info.st_size < (unsigned long long)PY_SSIZE_T_MAX &&
            (limit < 0 || (unsigned long long)info.st_size <= (unsigned long long)limit))
            size = (Py_ssize_t)info.st_size;
        Py_END_ALLOW_THREADS
        Py_DECREF(encoded);
        if (fd < 0)
            Py_RETURN_NONE;
        if (size >= 0)
            data = PyBytes_FromStringAndSize(NULL, size + 1);
        if (data != NULL) {
            char *into = PyBytes_AS_STRING(data);
            Py_BEGIN_ALLOW_THREADS
            got = read(fd, into, (size_t)size + 1);
            Py_END_ALLOW_THREADS
        }
        close(fd);
        if (data == NULL) {
            PyErr_Clear(); /* (no memory for it: Python's read says so) */
            Py_RETURN_NONE;
        }
        if (got != size) { /* it grew, shrank or failed (an interrupted read too): read in Python */
            Py_DECREF(data);
            Py_RETURN_NONE;
        }
        if (_PyBytes_Resize(&data, size) < 0) {
            PyErr_Clear();
            Py_RETURN_NONE;
        }
        return data;
    }
#else
    (void)limit;
    Py_RETURN_NONE;
#endif
}

/* control_bytes(data): how many bytes of `data` (bytes) are control bytes that text files do
 * not hold: below 9, or from 14 to 31 but escape (27); tab, the line breaks, vertical tab and form
 * feed are allowed (newslint.sources._looks_binary reads a file's head with it: `bytes.translate`
 * deleting them, its twin there, built its table and copied the head, 13 K instructions an
 * average story's file). Sixteen bytes a step where SSE2 is. */
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
static Py_ssize_t
count_controls(const unsigned char *s, Py_ssize_t n)
{
    Py_ssize_t i = 0, count = 0;
#if defined(__SSE2__)
    {
        const __m128i below = _mm_set1_epi8(31), nine = _mm_set1_epi8(9), four = _mm_set1_epi8(4);
        const __m128i escape = _mm_set1_epi8(27);
        for (; i + 16 <= n; i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
            __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, below), v); /* below 32 */
            __m128i from_nine = _mm_sub_epi8(v, nine);
            __m128i allowed = _mm_cmpeq_epi8(_mm_min_epu8(from_nine, four), from_nine); /* 9 to 13 */
            int mask;
            allowed = _mm_or_si128(allowed, _mm_cmpeq_epi8(v, escape));
            mask = _mm_movemask_epi8(_mm_andnot_si128(allowed, low));
            while (mask) { /* (most steps: none) */
                count++;
                mask &= mask - 1;
            }
        }
    }
#endif
    for (; i < n; i++) {
        unsigned int c = s[i];
        count += c < 9 || (c >= 14 && c < 32 && c != 27);
    }
    return count;
}

static PyObject *
control_bytes(PyObject *self, PyObject *data)
{
    if (!PyBytes_Check(data)) {
        PyErr_SetString(PyExc_TypeError, "control_bytes: bytes, please");
        return NULL;
    }
    return PyLong_FromSsize_t(count_controls((const unsigned char *)PyBytes_AS_STRING(data), PyBytes_GET_SIZE(data)));
}

/* plain_text(data): the text of `data` (bytes) where newslint.sources.decode reads it as it is,
 * UTF-8 with no byte-order mark, neither binary (`_looks_binary`: no NUL, at most a tenth of its
 * first 8,192 bytes control bytes) nor holding a NUL or a carriage return (no line endings to
 * normalise): most story files. None for anything else, which `decode` then reads and reports.
 * A NUL or a CR is one byte of UTF-8 and no part of another character, so each is sought in the
 * bytes. For sources.read, with read_whole: a file's read, tests and decoding in two compiled
 * calls, where four Python calls (read_regular, decode, _looks_binary, bytes.decode) and a
 * copy of the file's head cost some 8 K instructions a file. Its twin: sources._plain_text. */
static PyObject *
plain_text(PyObject *self, PyObject *data)
{
    const unsigned char *s;
    Py_ssize_t n, head;
    PyObject *text;
    if (!PyBytes_Check(data)) {
        PyErr_SetString(PyExc_TypeError, "plain_text: bytes, please");
        return NULL;
    }
    s = (const unsigned char *)PyBytes_AS_STRING(data);
    n = PyBytes_GET_SIZE(data);
    if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
        Py_RETURN_NONE; /* a UTF-16 byte-order mark */
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        Py_RETURN_NONE; /* UTF-8's */
    if (n > 0 && (memchr(s, 0, (size_t)n) != NULL || memchr(s, '\r', (size_t)n) != NULL))
        Py_RETURN_NONE;
    head = n < 8192 ? n : 8192;
    /* (as Python divides: the two counts as doubles, the quotient rounded once) */
    if (head > 0 && (double)count_controls(s, head) / (double)head > 0.1)
        Py_RETURN_NONE;
    text = PyUnicode_DecodeUTF8((const char *)s, n, "strict");
    if (text == NULL && PyErr_ExceptionMatches(PyExc_UnicodeDecodeError)) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    return text;
}

#if defined(__SSE2__)
/* The first i' >= i of the one-byte text s (n bytes) where a column gap may open, a tab or two
 * spaces, sixteen bytes a step, or where fewer than seventeen bytes are left (the caller's
 * loops read the rest): the windows of seven bytes, word by word, cost some 4.6 K instructions
 * an average story, read for every story (story_hints). */
static Py_ssize_t
ucs1_next_gap_open(const Py_UCS1 *s, Py_ssize_t i, Py_ssize_t n)
{
    const __m128i space = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t');
    for (; i + 17 <= n; i += 16) {
        __m128i here = _mm_loadu_si128((const __m128i *)(s + i));
        __m128i next = _mm_loadu_si128((const __m128i *)(s + i + 1));
        __m128i two = _mm_and_si128(_mm_cmpeq_epi8(here, space), _mm_cmpeq_epi8(next, space));
        int mask = _mm_movemask_epi8(_mm_or_si128(two, _mm_cmpeq_epi8(here, tab)));
        if (mask)
            return i + __builtin_ctz((unsigned int)mask);
    }
    return i;
}
#endif

/* Whether a column gap (column_gap's) opens at i (0 < i < n); *next: where the next may open (past
 * the spaces and tabs read here, none of which can open one: each follows a space). */
static inline int
gap_at(int kind, const void *data, Py_ssize_t n, Py_ssize_t i, Py_ssize_t *next)
{
    Py_UCS4 ch = SS_READ(i);
    Py_ssize_t j = i + 1;
    *next = j;
    if ((ch != ' ' && ch != '\t') || Py_UNICODE_ISSPACE(SS_READ(i - 1)))
        return 0;
    if (ch == ' ') {
        while (j < n && SS_READ(j) == ' ')
            j++;
        *next = j;
        if (j - i < 2)
            return 0;
    } else {
        while (j < n && (SS_READ(j) == ' ' || SS_READ(j) == '\t'))
            j++;
        *next = j;
    }
    return j < n && !Py_UNICODE_ISSPACE(SS_READ(j));
}

/* column_gap(text): whether segment._COLUMN_GAP, (?<=\S)(?: {2,}|\t[ \t]*)(?=\S), matches in
 * text: two spaces or more, or a tab and any spaces and tabs after it, between two characters
 * that are not white space (a table's column gap; most stories have none, but many indent
 * their paragraphs, which the twin's line-by-line reading had to look at). */
static PyObject *
column_gap(PyObject *self, PyObject *text)
{
    Py_ssize_t i, j, n;
    int kind;
    const void *data;
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "column_gap: a str, please");
        return NULL;
    }
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    n = PyUnicode_GET_LENGTH(text);
    for (i = 1; i < n; i = j) {
        if (kind == PyUnicode_1BYTE_KIND) {
#if defined(__SSE2__)
            i = ucs1_next_gap_open((const Py_UCS1 *)data, i, n);
#endif
            while (i + 8 <= n && !ucs1_may_open_gap((const Py_UCS1 *)data + i))
                i += 7; /* no gap opens at the window's first seven bytes */
            if ((i = ucs1_skip(data, i, n, GAP_MARK, GAP_MARKS)) >= n)
                break;
        }
        if (gap_at(kind, data, n, i, &j))
            Py_RETURN_TRUE;
    }
    Py_RETURN_FALSE;
}

static Py_ssize_t str_data(PyObject *text, const char *who, int *kind, const void **data);

/* segment._table_strength of text[start:end], 3 (SURE), 2 (MAYBE), 1 (WEAK) or 0: its column
 * gaps (segment._COLUMN_GAP's matches in the stripped line, read as column_gap reads them), how
 * wide, what figures follow them, and how many of its words hold a digit. */
static int
line_strength(int kind, const void *data, Py_ssize_t start, Py_ssize_t end)
{
    int tab = 0;
    Py_ssize_t i, j;
    Py_ssize_t gaps = 0, wide = 0, widest = 0, last_digit = -1, first_wide_end = -1, words = 0, figures = 0;
    while (start < end && Py_UNICODE_ISSPACE(SS_READ(start)))
        start++;
    while (end > start && Py_UNICODE_ISSPACE(SS_READ(end - 1)))
        end--;
    for (i = start; i < end; i++) {
        Py_UCS4 ch = SS_READ(i);
        tab |= ch == '\t';
        if (Py_UNICODE_ISDIGIT(ch))
            last_digit = i;
    }
    for (i = start + 1; i < end; i = j) { /* the gaps: (width j - i, end j) */
        Py_UCS4 ch = SS_READ(i);
        j = i + 1;
        if ((ch != ' ' && ch != '\t') || Py_UNICODE_ISSPACE(SS_READ(i - 1)))
            continue;
        while (j < end && (SS_READ(j) == ' ' || (ch == '\t' && SS_READ(j) == '\t')))
            j++;
        if ((ch == ' ' && j - i < 2) || j >= end || Py_UNICODE_ISSPACE(SS_READ(j)))
            continue;
        gaps++;
        if (j - i >= 3 || tab) {
            wide++;
            widest = j - i > widest ? j - i : widest;
            if (first_wide_end < 0)
                first_wide_end = j; /* the first wide gap's end: a digit after it is after one */
        }
    }
    if (!gaps)
        return 0;
    if (gaps >= 2 && wide)
        return 3;
    if (wide && (widest >= 5 || last_digit >= first_wide_end))
        return 3;
    if (gaps >= 2)
        return 2;
    for (i = start; i < end; i = j) { /* the words of line.split(): how many hold a digit */
        int digit = 0;
        while (i < end && Py_UNICODE_ISSPACE(SS_READ(i)))
            i++;
        if (i >= end)
            break;
        for (j = i; j < end && !Py_UNICODE_ISSPACE(SS_READ(j)); j++)
            digit |= Py_UNICODE_ISDIGIT(SS_READ(j)) != 0;
        words++;
        figures += digit;
    }
    return figures * 5 >= words * 2 ? 2 : wide ? 1 : 0;
}

/* table_strength(line): segment._table_strength of the line (line_strength's). */
static PyObject *
table_strength(PyObject *self, PyObject *line)
{
    int kind;
    const void *data;
    Py_ssize_t n = str_data(line, "table_strength", &kind, &data);
    return n < 0 ? NULL : PyLong_FromLong(line_strength(kind, data, 0, n));
}

/* Whether text[start:end], its white space at both ends left out (str.strip's), holds two
 * spaces in a row, or (`tab`) a tab: with neither, the line has no column gap (strength 0);
 * with two spaces, a row of strength 0 that segment._aligned_with_neighbour may make weak. */
static int
marks_inside(int kind, const void *data, Py_ssize_t start, Py_ssize_t end, int tab)
{
    while (start < end && Py_UNICODE_ISSPACE(SS_READ(start)))
        start++;
    while (end > start && Py_UNICODE_ISSPACE(SS_READ(end - 1)))
        end--;
    for (; start < end; start++) {
        Py_UCS4 ch = SS_READ(start);
        if ((ch == ' ' && start + 1 < end && SS_READ(start + 1) == ' ') || (tab && ch == '\t'))
            return 1;
    }
    return 0;
}

/* table_lines(text): (start, end, strength) of each line of text (split at '\n' alone) that holds
 * two spaces or a tab, in order, where the line has a strength (line_strength) or holds two
 * spaces inside its white-space ends; segment._table_lines' twin. A line is found by its first
 * gap's opening (sixteen one-byte characters a step) and read from its start to its break once:
 * the twin's searches, slices and a call a line were a quarter of a big file's parse. */
static PyObject *
table_lines(PyObject *self, PyObject *text)
{
    int kind;
    const void *data;
    Py_ssize_t n = str_data(text, "table_lines", &kind, &data), i = 0, start, end;
    PyObject *rows, *row;
    if (n < 0 || !(rows = PyList_New(0)))
        return NULL;
    while (i < n) {
#if defined(__SSE2__)
        if (kind == PyUnicode_1BYTE_KIND)
            i = ucs1_next_gap_open((const Py_UCS1 *)data, i, n);
#endif
        for (; i < n; i++) {
            Py_UCS4 ch = SS_READ(i);
            if (ch == '\t' || (ch == ' ' && i + 1 < n && SS_READ(i + 1) == ' '))
                break;
        }
        if (i >= n)
            break;
        for (start = i; start > 0 && SS_READ(start - 1) != '\n'; start--)
            ;
        if (kind == PyUnicode_1BYTE_KIND) {
            const Py_UCS1 *at = memchr((const Py_UCS1 *)data + i, '\n', (size_t)(n - i));
            end = at ? at - (const Py_UCS1 *)data : n;
        } else {
            for (end = i; end < n && SS_READ(end) != '\n'; end++)
                ;
        }
        /* most gap rows (an indented paragraph's lines) hold their gaps at their ends alone */
        int strength = marks_inside(kind, data, start, end, 1) ? line_strength(kind, data, start, end) : 0;
        if (strength || marks_inside(kind, data, start, end, 0)) {
            if (!(row = Py_BuildValue("(nni)", start, end, strength)) || PyList_Append(rows, row) < 0) {
                Py_XDECREF(row);
                Py_DECREF(rows);
                return NULL;
            }
            Py_DECREF(row);
        }
        i = end + 1;
    }
    return rows;
}

/* Whether ch matches the lowercase ASCII letter `letter` ignoring case as the re module does: by
 * the simple lowercase mapping (İ is i, the Kelvin sign k), and ı for i, ſ for s. */
static inline int
folds_to(Py_UCS4 ch, char letter)
{
    if (ch < 128)
        return (ch | 0x20) == (Py_UCS4)letter;
    return Py_UNICODE_TOLOWER(ch) == (Py_UCS4)letter || (letter == 'i' && ch == 0x131) ||
           (letter == 's' && ch == 0x17F);
}

/* Whether text[i:] opens with `word` (lowercase ASCII letters) ignoring case, as above. */
static int
folded_at(int kind, const void *data, Py_ssize_t n, Py_ssize_t i, const char *word)
{
    for (; *word; word++, i++)
        if (i >= n || !folds_to(SS_READ(i), *word))
            return 0;
    return 1;
}

/* The length, kind and data of `text`, or -1 with a TypeError naming `who` when it is no str. */
static Py_ssize_t
str_data(PyObject *text, const char *who, int *kind, const void **data)
{
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "%s: a str, please", who);
        return -1;
    }
    *kind = PyUnicode_KIND(text);
    *data = PyUnicode_DATA(text);
    return PyUnicode_GET_LENGTH(text);
}

/* The characters the hints below open their tests at, for ucs1_skip. */
static const unsigned char URL_HINT_MARK[256] = {['.'] = 1, [':'] = 1};
#define URL_HINT_MARKS '.', ':', 0, 0, 0
static const unsigned char SIC_HINT_MARK[256] = {['('] = 1, ['['] = 1};
#define SIC_HINT_MARKS '(', '[', 0, 0, 0

/* The ASCII characters a domain of url_at's opens with, either case (strchr's set, with its end:
 * a NUL went on to the domains, which it opens none of) */
static const unsigned char DOMAIN_FIRST[128] = {
    [0] = 1, ['c'] = 1, ['o'] = 1, ['g'] = 1, ['n'] = 1, ['e'] = 1, ['m'] = 1, ['i'] = 1, ['b'] = 1, ['u'] = 1,
    ['C'] = 1, ['O'] = 1, ['G'] = 1, ['N'] = 1, ['E'] = 1, ['M'] = 1, ['I'] = 1, ['B'] = 1, ['U'] = 1};

/* Whether url_hint's pattern matches at the ':' or '.' at i (0 <= i < n): "://", "www." or a
 * domain's ending. */
static int
url_at(int kind, const void *data, Py_ssize_t n, Py_ssize_t i)
{
    static const char *const domains[] = {"com", "org", "net", "gov", "edu", "int", "mil",
                                          "io",  "info", "biz", "uk",  NULL};
    Py_UCS4 ch = SS_READ(i);
    const char *const *domain;
    if (ch == ':' && i + 2 < n && SS_READ(i + 1) == '/' && SS_READ(i + 2) == '/')
        return 1;
    if (ch != '.')
        return 0;
    /* (the letter before first: a full stop seldom follows a w; story_hints asks at every one) */
    if (i >= 3 && folds_to(SS_READ(i - 1), 'w') && folded_at(kind, data, n, i - 3, "www"))
        return 1;
    if (i + 1 < n && (ch = SS_READ(i + 1)) < 128 && !DOMAIN_FIRST[ch])
        return 0; /* no domain opens with it: most full stops end a sentence */
    for (domain = domains; *domain; domain++) {
        Py_ssize_t after = i + 1 + (Py_ssize_t)strlen(*domain);
        if (folded_at(kind, data, n, i + 1, *domain) && (after == n || !IS_WORD(SS_READ(after))))
            return 1;
    }
    return 0;
}

/* url_hint(text): whether segment._URL_HINT, ://|www\.|\.(?:com|org|...|uk)\b ignoring case,
 * matches in text (most stories name no address: then the URL pattern is not tried). Twin: the
 * pattern's search; segment._may_hold_url's substring tests are a looser one. */
static PyObject *
url_hint(PyObject *self, PyObject *text)
{
    int kind;
    const void *data;
    Py_ssize_t i, n = str_data(text, "url_hint", &kind, &data);
    if (n < 0)
        return NULL;
    for (i = 0; i < n; i++) {
        if (kind == PyUnicode_1BYTE_KIND && (i = ucs1_skip(data, i, n, URL_HINT_MARK, URL_HINT_MARKS)) >= n)
            break;
        if (url_at(kind, data, n, i))
            Py_RETURN_TRUE;
    }
    Py_RETURN_FALSE;
}

/* Whether sic_hint's pattern matches at i (i + 4 < n). */
static inline int
sic_at(int kind, const void *data, Py_ssize_t n, Py_ssize_t i)
{
    Py_UCS4 ch = SS_READ(i), close;
    return (ch == '(' || ch == '[') && folded_at(kind, data, n, i + 1, "sic") &&
           ((close = SS_READ(i + 4)) == ')' || close == ']');
}

/* sic_hint(text): whether segment._SIC_HINT, [\[(]sic[\])] ignoring case, matches in text (a
 * story seldom marks a [sic]: then its words are not read back from each mark). */
static PyObject *
sic_hint(PyObject *self, PyObject *text)
{
    int kind;
    const void *data;
    Py_ssize_t i, n = str_data(text, "sic_hint", &kind, &data);
    if (n < 0)
        return NULL;
    for (i = 0; i + 4 < n; i++) {
        if (kind == PyUnicode_1BYTE_KIND && (i = ucs1_skip(data, i, n - 4, SIC_HINT_MARK, SIC_HINT_MARKS)) >= n - 4)
            break;
        if (sic_at(kind, data, n, i))
            Py_RETURN_TRUE;
    }
    Py_RETURN_FALSE;
}

/* Whether `ch` is in text, read as `str.__contains__` reads a one-character string. */
static int
holds_char(PyObject *text, Py_UCS4 ch)
{
    return PyUnicode_FindChar(text, ch, 0, PyUnicode_GET_LENGTH(text), 1) >= 0;
}

/* Whether "<!--" is in text: each "<" found by PyUnicode_FindChar (memchr, where a text's
 * characters take a byte each), and the three characters after it read (news copy seldom holds a
 * "<": the substring search of all four cost six times as much). */
static int
holds_comment_open(PyObject *text)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), at = 0;
    while ((at = PyUnicode_FindChar(text, '<', at, n, 1)) >= 0) {
        if (at + 3 < n && SS_READ(at + 1) == '!' && SS_READ(at + 2) == '-' && SS_READ(at + 3) == '-')
            return 1;
        at++;
    }
    return at == -1 ? 0 : -1;
}

/* Whether `hint` (a hint function above: Py_True or Py_False, or NULL) answered yes; -1 on error. */
static int
hint_said(PyObject *answer)
{
    if (answer == NULL)
        return -1;
    Py_DECREF(answer);
    return answer == Py_True;
}

/* The bits of a story's rare hints: segment.py's COMMENT_HINT ... SIC_HINT. */
enum { HINT_COMMENT = 1, HINT_AT = 2, HINT_HASH = 4, HINT_URL = 8, HINT_GAP = 16, HINT_SIC = 32, HINT_DAMAGE = 64 };

/* The characters where one of story_hints' seven can open, in a one-byte text (a gap's space is
 * looked for with the one after it, but in the last bytes). */
static const unsigned char STORY_HINT_MARK[256] = {['<'] = 1, ['@'] = 1, ['#'] = 1,  ['.'] = 1,  [':'] = 1, ['('] = 1,
                                                   ['['] = 1, ['\t'] = 1, [' '] = 1, [';'] = 1, ['\\'] = 1};

/* The story_hints bits the character at i of a one-byte text (of n) opens, those of `found`
 * not asked again. */
static long
ucs1_hints_at(const Py_UCS1 *s, Py_ssize_t n, Py_ssize_t i, long found)
{
    const int kind = PyUnicode_1BYTE_KIND;
    const void *data = s;
    Py_ssize_t next;
    switch (s[i]) {
    case '<': /* a comment's opening, or a raw tag's: '/' or a lowercase letter after it */
        if (i + 1 < n && (s[i + 1] == '/' || (s[i + 1] >= 'a' && s[i + 1] <= 'z')))
            return HINT_DAMAGE;
        return i + 3 < n && s[i + 1] == '!' && s[i + 2] == '-' && s[i + 3] == '-' ? HINT_COMMENT : 0;
    case ';':
    case '\\':
        return HINT_DAMAGE;
    case '@':
        return HINT_AT;
    case '#':
        return HINT_HASH;
    case '.':
    case ':':
        return !(found & HINT_URL) && url_at(kind, data, n, i) ? HINT_URL : 0;
    case '(':
    case '[':
        return !(found & HINT_SIC) && i + 4 < n && sic_at(kind, data, n, i) ? HINT_SIC : 0;
    case ' ':
    case '\t':
        return !(found & HINT_GAP) && i > 0 && gap_at(kind, data, n, i, &next) ? HINT_GAP : 0;
    }
    return 0;
}

/* story_hints of a one-byte text (most stories) in one pass, where the six searches read it six
 * times: with SSE2 sixteen bytes compared at a time with the characters that can open a hint (a
 * space with the byte after it: two open a gap), each one found asked what it opens. */
static long
ucs1_story_hints(const Py_UCS1 *s, Py_ssize_t n)
{
    Py_ssize_t i = 0;
    long bits = 0;
#if defined(__SSE2__)
    const __m128i lt = _mm_set1_epi8('<'), at = _mm_set1_epi8('@'), hash = _mm_set1_epi8('#');
    const __m128i dot = _mm_set1_epi8('.'), colon = _mm_set1_epi8(':'), paren = _mm_set1_epi8('(');
    const __m128i bracket = _mm_set1_epi8('['), tab = _mm_set1_epi8('\t'), space = _mm_set1_epi8(' ');
    const __m128i semicolon = _mm_set1_epi8(';'), backslash = _mm_set1_epi8('\\');
    for (; i + 17 <= n; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(s + i)), y = _mm_loadu_si128((const __m128i *)(s + i + 1));
        __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(x, lt), _mm_cmpeq_epi8(x, at));
        unsigned found;
        hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(x, hash), _mm_cmpeq_epi8(x, dot)));
        hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(x, colon), _mm_cmpeq_epi8(x, paren)));
        hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(x, bracket), _mm_cmpeq_epi8(x, tab)));
        hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(x, semicolon), _mm_cmpeq_epi8(x, backslash)));
        hit = _mm_or_si128(hit, _mm_and_si128(_mm_cmpeq_epi8(x, space), _mm_cmpeq_epi8(y, space)));
        for (found = (unsigned)_mm_movemask_epi8(hit); found; found &= found - 1)
            bits |= ucs1_hints_at(s, n, i + __builtin_ctz(found), bits);
    }
#endif
    for (; i < n; i++)
        if (STORY_HINT_MARK[s[i]])
            bits |= ucs1_hints_at(s, n, i, bits);
    return bits;
}

/* story_hints(text): the rare hints of a story as the bits of segment.story_hints (1 "<!--",
 * 2 "@", 4 "#", 8 url_hint, 16 column_gap, 32 sic_hint, 64 segment.may_hold_damage): the six
 * searches parse makes of every story and the repairs' test, in one call (each was a Python call
 * of its own; most stories hold none). */
static PyObject *
story_hints(PyObject *self, PyObject *text)
{
    long bits = 0;
    int said;
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "story_hints: a str, please");
        return NULL;
    }
    if (PyUnicode_KIND(text) == PyUnicode_1BYTE_KIND) /* (a character outside ASCII: damage may be) */
        return PyLong_FromLong(ucs1_story_hints(PyUnicode_1BYTE_DATA(text), PyUnicode_GET_LENGTH(text)) |
                               (PyUnicode_IS_ASCII(text) ? 0 : HINT_DAMAGE));
    bits = HINT_DAMAGE; /* (a text of two or four bytes a character holds one outside ASCII) */
    if ((said = holds_comment_open(text)) < 0)
        return NULL;
    bits |= said ? HINT_COMMENT : 0;
    bits |= holds_char(text, '@') ? HINT_AT : 0;
    bits |= holds_char(text, '#') ? HINT_HASH : 0;
    if ((said = hint_said(url_hint(self, text))) < 0)
        return NULL;
    bits |= said ? HINT_URL : 0;
    if ((said = hint_said(column_gap(self, text))) < 0)
        return NULL;
    bits |= said ? HINT_GAP : 0;
    if ((said = hint_said(sic_hint(self, text))) < 0)
        return NULL;
    bits |= said ? HINT_SIC : 0;
    return PyLong_FromLong(bits);
}

/* --- tickers (segment._TICKER, tried at each bracket): a match's end is the first closing
 * bracket after its opening one (no piece of the pattern reads a bracket), so each piece below
 * only answers whether the pattern matches, every backtrack the pattern could take tried. --- */

static const unsigned char TICKER_MARK[256] = {['('] = 1, ['<'] = 1};
#define TICKER_MARKS '(', '<', 0, 0, 0
static const char *const TICKER_EXCHANGES[] = {"nyse", "nasdaq", "amex", "otc",  "otcbb",    "lse",
                                               "tsx",  "tsxv",   "asx",  "hkex", "sgx",      "nse",
                                               "bse",  "euronext", "xetra", NULL};
static const char *const TICKER_LINKS[] = {"news", "people", "research", "quote", "profile", "chart", "estimates",
                                           NULL};
static const char *const TICKER_AGENCIES[] = {"afp", "ap", "dpa", "upi", "ians", "pti", "efe", "ansa", NULL};

#define TK_LETTER(ch) (IS_ASCII_UPPER(ch) || IS_ASCII_LOWER(ch))

/* The end of the run of white space at i. */
static Py_ssize_t
tk_space(int kind, const void *data, Py_ssize_t n, Py_ssize_t i)
{
    while (i < n && Py_UNICODE_ISSPACE(SS_READ(i)))
        i++;
    return i;
}

/* The end of the run of capitals (or of ASCII letters, `any_case`) at i, -1 unless it is from
 * `least` to `most` long (a longer run leaves a letter no piece after it reads). */
static Py_ssize_t
tk_letters(int kind, const void *data, Py_ssize_t n, Py_ssize_t i, int any_case, Py_ssize_t least, Py_ssize_t most)
{
    Py_ssize_t j = i;
    while (j < n && (any_case ? TK_LETTER(SS_READ(j)) : IS_ASCII_UPPER(SS_READ(j))))
        j++;
    return j - i >= least && j - i <= most ? j : -1;
}

/* The end of `(?i:word)` for the first of `words` (in the pattern's order) folded at i, from
 * `*which` on (set to the one after it, for a backtrack to try the next), or -1. */
static Py_ssize_t
tk_word(int kind, const void *data, Py_ssize_t n, Py_ssize_t i, const char *const *words, int *which)
{
    for (; words[*which]; (*which)++)
        if (folded_at(kind, data, n, i, words[*which]))
            return i + (Py_ssize_t)strlen(words[(*which)++]);
    return -1;
}

/* Whether \s*\) matches at i: the pattern's tail after each of its bracketed forms. */
static int
tk_closes(int kind, const void *data, Py_ssize_t n, Py_ssize_t i)
{
    i = tk_space(kind, data, n, i);
    return i < n && SS_READ(i) == ')';
}

/* The end of (?:\s*-\s*LINK)* (`sep` '-') or (?:,\s*LINK)* (`sep` ','), as many as there are: a
 * repeat not taken leaves a dash or comma, which the tail does not read. */
static Py_ssize_t
tk_links(int kind, const void *data, Py_ssize_t n, Py_ssize_t i, Py_UCS4 sep)
{
    for (;;) {
        int which = 0;
        Py_ssize_t j = sep == '-' ? tk_space(kind, data, n, i) : i, end;
        if (j >= n || SS_READ(j) != sep)
            return i;
        j = tk_space(kind, data, n, j + 1);
        if ((end = tk_word(kind, data, n, j, TICKER_LINKS, &which)) < 0)
            return i;
        i = end;
    }
}

/* EXCHANGE\s*[: ]\s*[A-Za-z]{1,6}(?:\.[A-Za-z]{1,2})?(?:\s*-\s*LINK)* then the tail, at i. */
static int
tk_exchange_first(int kind, const void *data, Py_ssize_t n, Py_ssize_t i)
{
    int which = 0;
    Py_ssize_t j;
    while ((j = tk_word(kind, data, n, i, TICKER_EXCHANGES, &which)) >= 0) {
        Py_ssize_t k = tk_space(kind, data, n, j), m;
        if (k < n && SS_READ(k) == ':')
            k = tk_space(kind, data, n, k + 1);
        else {
            for (m = j; m < k && SS_READ(m) != ' '; m++)
                ;
            if (m == k)
                continue; /* no colon and no space: the next exchange (otc, then otcbb) */
        }
        if ((k = tk_letters(kind, data, n, k, 1, 1, 6)) < 0)
            continue;
        if (k < n && SS_READ(k) == '.' && (k = tk_letters(kind, data, n, k + 1, 1, 1, 2)) < 0)
            continue;
        if (tk_closes(kind, data, n, tk_links(kind, data, n, k, '-')))
            return 1;
    }
    return 0;
}

/* [A-Z]{1,5}\s*:\s*EXCHANGE(?:\s*-\s*LINK)* then the tail, at i. */
static int
tk_exchange_after(int kind, const void *data, Py_ssize_t n, Py_ssize_t i)
{
    int which = 0;
    Py_ssize_t j = tk_letters(kind, data, n, i, 0, 1, 5), k;
    if (j < 0 || (j = tk_space(kind, data, n, j)) >= n || SS_READ(j) != ':')
        return 0;
    j = tk_space(kind, data, n, j + 1);
    while ((k = tk_word(kind, data, n, j, TICKER_EXCHANGES, &which)) >= 0)
        if (tk_closes(kind, data, n, tk_links(kind, data, n, k, '-')))
            return 1;
    return 0;
}

/* [A-Z]{1,5}[a-z]?(?:\.[A-Z]{1,2})?:\s*LINK(?:,\s*LINK)* then the tail, at i. */
static int
tk_quote_links(int kind, const void *data, Py_ssize_t n, Py_ssize_t i)
{
    int which = 0;
    Py_ssize_t j = tk_letters(kind, data, n, i, 0, 1, 5);
    if (j < 0)
        return 0;
    if (j < n && IS_ASCII_LOWER(SS_READ(j)))
        j++;
    if (j < n && SS_READ(j) == '.' && (j = tk_letters(kind, data, n, j + 1, 0, 1, 2)) < 0)
        return 0;
    if (j >= n || SS_READ(j) != ':')
        return 0;
    j = tk_word(kind, data, n, tk_space(kind, data, n, j + 1), TICKER_LINKS, &which);
    return j >= 0 && tk_closes(kind, data, n, tk_links(kind, data, n, j, ','));
}

/* Whether segment._TICKER matches at i, where text[i] is a bracket. */
static int
tk_matches(int kind, const void *data, Py_ssize_t n, Py_ssize_t i)
{
    const char *const *agency;
    Py_ssize_t j;
    if (SS_READ(i) == '<') {
        if (i + 1 >= n || !IS_ASCII_UPPER(SS_READ(i + 1)))
            return 0;
        for (j = i + 2; j < n && j < i + 11; j++) {
            Py_UCS4 ch = SS_READ(j);
            if (!IS_ASCII_UPPER(ch) && !(ch >= '0' && ch <= '9') && ch != '.')
                break;
        }
        return j < n && SS_READ(j) == '>';
    }
    i++;
    j = tk_letters(kind, data, n, i, 0, 1, 5); /* [A-Z]{1,5}\.[A-Z]{1,2} */
    if (j >= 0 && j < n && SS_READ(j) == '.' && (j = tk_letters(kind, data, n, j + 1, 0, 1, 2)) >= 0 &&
        tk_closes(kind, data, n, j))
        return 1;
    if (tk_exchange_first(kind, data, n, i) || tk_exchange_after(kind, data, n, i) ||
        tk_quote_links(kind, data, n, i))
        return 1;
    for (agency = TICKER_AGENCIES; *agency; agency++) { /* in lowercase only */
        const char *c = *agency;
        for (j = i; *c && j < n && SS_READ(j) == (Py_UCS4)*c; j++, c++)
            ;
        if (!*c && tk_closes(kind, data, n, j))
            return 1;
    }
    return 0;
}

/* The tickers of text (n characters) appended to `out` as span_type(start, end), in order
 * (ticker_spans). 0, or -1 with an exception set. */
static int
tickers_into(PyObject *out, PyTypeObject *span_type, int kind, const void *data, Py_ssize_t n)
{
    Py_ssize_t i;
    for (i = 0; i < n; i++) {
        Py_UCS4 ch, close;
        Py_ssize_t end;
        if (kind == PyUnicode_1BYTE_KIND && (i = ucs1_skip(data, i, n, TICKER_MARK, TICKER_MARKS)) >= n)
            break;
        ch = SS_READ(i);
        if ((ch != '(' && ch != '<') || !tk_matches(kind, data, n, i))
            continue;
        close = ch == '(' ? ')' : '>';
        for (end = i + 1; SS_READ(end) != close; end++)
            ;
        if (append_span(out, span_type, i, end + 1) < 0)
            return -1;
    }
    return 0;
}

/* ticker_spans(text, span_type): the matches of segment._TICKER in text, as span_type(start,
 * end), in order (segment._tickers: the pattern tried at each bracket a ticker opens with). */
static PyObject *
ticker_spans(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *out;
    PyTypeObject *span_type;
    if (BAD_COUNT(2, 2) || BAD_STR(0) || BAD_TYPE(1, PyType_Check, "type"))
        return NULL;
    text = args[0], span_type = (PyTypeObject *)args[1];
    if (!PyType_IsSubtype(span_type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "ticker_spans: the span type must be a tuple type");
        return NULL;
    }
    out = PyList_New(0);
    if (out != NULL &&
        tickers_into(out, span_type, PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text)) < 0)
        Py_CLEAR(out);
    return out;
}

/* The blocks of text[start:end] appended to `out` (block_spans): cut at each run of blank lines,
 * each piece stripped, empty ones left out. 0, or -1 with an exception set. */
static int
blocks_into(PyObject *out, PyTypeObject *span_type, int kind, const void *data, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t i, piece;
    for (i = piece = start; i < end; i++) {
        Py_ssize_t j, last;
        if ((i = next_newline(kind, data, i, end)) >= end)
            break;
        j = i + 1;
        while (j < end && (SS_READ(j) == ' ' || SS_READ(j) == '\t'))
            j++;
        if (j >= end || SS_READ(j) != '\n')
            continue;
        last = j; /* the separator's last line break so far: take each blank line after it */
        for (;;) {
            Py_ssize_t k = last + 1;
            while (k < end && (SS_READ(k) == ' ' || SS_READ(k) == '\t'))
                k++;
            if (k >= end || SS_READ(k) != '\n')
                break;
            last = k;
        }
        if (ss_append_trimmed(out, span_type, kind, data, piece, i) < 0)
            return -1;
        piece = last + 1;
        i = last;
    }
    return ss_append_trimmed(out, span_type, kind, data, piece, end);
}

/* block_spans(text, span_type, start, end): the blocks of text[start:end] (newslint.segment._blocks
 * for one stretch): cut at each run of blank lines (segment._BLOCK_SEP, \n[ \t]*\n(?:[ \t]*\n)*,
 * reading nothing from `end` on), each piece stripped, empty ones left out. */
static PyObject *
block_spans(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *out;
    PyTypeObject *span_type;
    Py_ssize_t start, end;
    if (BAD_COUNT(4, 4) || BAD_STR(0) || BAD_TYPE(1, PyType_Check, "type") || BAD_SSIZE(2, start) || BAD_SSIZE(3, end))
        return NULL;
    text = args[0], span_type = (PyTypeObject *)args[1];
    if (!PyType_IsSubtype(span_type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "block_spans: the span type must be a tuple type");
        return NULL;
    }
    if (start < 0 || end < start || end > PyUnicode_GET_LENGTH(text)) {
        PyErr_SetString(PyExc_ValueError, "block_spans: a stretch outside the text");
        return NULL;
    }
    out = PyList_New(0);
    if (out != NULL && blocks_into(out, span_type, PyUnicode_KIND(text), PyUnicode_DATA(text), start, end) < 0)
        Py_CLEAR(out);
    return out;
}

/* The paragraphs of the block text[start:end] appended to `out` (paragraph_spans): cut after each
 * line break that a space or tab follows, the pieces stripped and empty ones left out; a block
 * without one is a paragraph as it is: `block` itself where given (its span), else a new span.
 * 0, or -1 with an exception set. */
static int
paragraphs_into(PyObject *out, PyTypeObject *span_type, int kind, const void *data, Py_ssize_t start,
                Py_ssize_t end, PyObject *block)
{
    Py_ssize_t i, piece;
    int cut = 0;
    for (i = piece = start; i + 1 < end; i++) {
        Py_UCS4 next;
        if ((i = next_newline(kind, data, i, end - 1)) >= end - 1)
            break;
        if ((next = SS_READ(i + 1)) != ' ' && next != '\t')
            continue;
        if (ss_append_trimmed(out, span_type, kind, data, piece, i) < 0)
            return -1;
        piece = i + 1;
        i++; /* the space or tab is the match's: the next one starts after it */
        cut = 1;
    }
    if (cut)
        return ss_append_trimmed(out, span_type, kind, data, piece, end);
    return block != NULL ? PyList_Append(out, block) : append_span(out, span_type, start, end);
}

/* paragraph_spans(text, span_type, blocks): the paragraphs of the blocks (spans), in order (newslint.segment._paragraphs): a block with a line break
 * that a space or tab follows inside it (segment._INDENTED_LINE) is cut after each such break,
 * its pieces stripped and empty ones left out; a block without one is a paragraph as it is. */
static PyObject *
paragraph_spans(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *blocks, *out = NULL;
    PyTypeObject *span_type;
    Py_ssize_t *starts = NULL, *ends = NULL, k, n, length;
    int kind;
    const void *data;
    if (BAD_COUNT(3, 3) || BAD_STR(0) || BAD_TYPE(1, PyType_Check, "type"))
        return NULL;
    text = args[0], span_type = (PyTypeObject *)args[1], blocks = args[2];
    if (!PyType_IsSubtype(span_type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "paragraph_spans: the span type must be a tuple type");
        return NULL;
    }
    if (read_spans(blocks, &starts, &ends, &n) < 0)
        return NULL;
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    length = PyUnicode_GET_LENGTH(text);
    out = PyList_New(0);
    if (out == NULL)
        goto fail;
    for (k = 0; k < n; k++) {
        if (starts[k] < 0 || ends[k] < starts[k] || ends[k] > length) {
            PyErr_SetString(PyExc_ValueError, "paragraph_spans: a block outside the text");
            goto fail;
        }
        if (paragraphs_into(out, span_type, kind, data, starts[k], ends[k], NULL) < 0)
            goto fail;
    }
    PyMem_Free(starts);
    PyMem_Free(ends);
    return out;
fail:
    Py_XDECREF(out);
    PyMem_Free(starts);
    PyMem_Free(ends);
    return NULL;
}

/* One span's rough start for repeated_starts: its first ROUGH_START word characters, lowercased;
 * in a text that is not all ASCII, a start outside ASCII is the UTF-8 of its case-folded start,
 * `wide` holding it when it is longer than ROUGH_START bytes (so that a key sorts by its length
 * first, and a wide key is only ever compared with another). */
#define ROUGH_START 16
typedef struct {
    Py_ssize_t index;
    unsigned char length;
    char key[ROUGH_START];
    PyObject *wide;
} RoughStart;

static int
rough_start_order(const void *a, const void *b)
{
    const RoughStart *x = a, *y = b;
    if (x->length != y->length)
        return x->length < y->length ? -1 : 1;
    if (x->length > ROUGH_START)
        return memcmp(PyBytes_AS_STRING(x->wide), PyBytes_AS_STRING(y->wide), x->length);
    return memcmp(x->key, y->key, ROUGH_START);
}

/* A hash of a rough start, for repeated_starts' table: equal starts (rough_start_order) hash alike. */
static uint64_t
rough_start_hash(const RoughStart *rough)
{
    uint64_t a, b, h;
    if (rough->length > ROUGH_START) {
        const unsigned char *bytes = (const unsigned char *)PyBytes_AS_STRING(rough->wide);
        Py_ssize_t k;
        h = 1469598103934665603ULL;
        for (k = 0; k < rough->length; k++)
            h = (h ^ bytes[k]) * 1099511628211ULL;
    } else {
        memcpy(&a, rough->key, 8);
        memcpy(&b, rough->key + 8, 8);
        h = (a * 0x9E3779B97F4A7C15ULL) ^ (b * 0xC2B2AE3D27D4EB4FULL) ^ rough->length;
    }
    return h ^ (h >> 31) ^ (h >> 47);
}

/* The ASCII key of text[start:end] into `rough`: 1, or 0 where a character outside ASCII comes
 * before its ROUGH_START word characters or right after them (its key is then read by Unicode's
 * rules: a combining mark there joins the last of them under NFKC, which NL305's keys read).
 * Inline, so that the loop over an ASCII text reads its bytes directly. */
static inline int
rough_start_ascii(RoughStart *rough, int kind, const void *data, Py_ssize_t length, Py_ssize_t start,
                  Py_ssize_t end)
{
    Py_ssize_t k;
    for (k = start; k < end && k < length && rough->length < ROUGH_START; k++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, k);
        if (ch >= 128)
            return 0;
        if (ASCII_CLASS[ch] != 0)
            rough->key[rough->length++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    return !(k < end && k < length && PyUnicode_READ(kind, data, k) >= 128);
}

/* The key character of an ASCII character in a rough start (a word character, lowercased), 0 for
 * none: `rough_start_ascii`'s class test and case in one read. */
static const unsigned char ROUGH_KEY[128] = {
    ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5', ['6'] = '6', ['7'] = '7',
    ['8'] = '8', ['9'] = '9', ['_'] = '_', LOWERED_LETTERS,
};

/* `rough_start_ascii` of a text all ASCII (most): each byte's key character read from ROUGH_KEY,
 * the loop bounded once (two thirds of the instructions of its loop over ASCII). */
static ALWAYS_INLINE void
rough_start_bytes(RoughStart *rough, const Py_UCS1 *s, Py_ssize_t length, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t k, stop = end < length ? end : length;
    unsigned char size = 0;
    for (k = start; k < stop; k++) {
        unsigned char c = ROUGH_KEY[s[k]];
        if (c != 0) {
            rough->key[size++] = (char)c;
            if (size == ROUGH_START)
                break;
        }
    }
    rough->length = size;
}

/* The key of a span whose start is not ASCII: mixed(text, start, end), bytes (the UTF-8 of its
 * case-folded start, at most 4 * ROUGH_START bytes), kept inline when short enough: a start that
 * folds to ASCII ("\u212a" to "k") then meets the ASCII keys. */
static int
rough_start_mixed(RoughStart *rough, PyObject *mixed, PyObject *text, Py_ssize_t start, Py_ssize_t end)
{
    PyObject *key = PyObject_CallFunction(mixed, "Onn", text, start, end);
    Py_ssize_t size;
    if (key == NULL)
        return -1;
    if (!PyBytes_Check(key) || (size = PyBytes_GET_SIZE(key)) > 255) {
        PyErr_SetString(PyExc_TypeError, "repeated_starts: a start's key is bytes, 255 at most");
        Py_DECREF(key);
        return -1;
    }
    memset(rough->key, 0, ROUGH_START);
    rough->length = (unsigned char)size;
    if (size <= ROUGH_START) {
        memcpy(rough->key, PyBytes_AS_STRING(key), (size_t)size);
        Py_DECREF(key);
    } else {
        rough->wide = key;
    }
    return 0;
}

/* repeated_starts(text, spans, mixed=None): the indices, in order, of the spans whose rough
 * start another span shares, the start being the span's first 16 letters, digits and underscores
 * (\w), lowercased: newslint.rules.structure._text.repeated_starts_in (its twins there). In a text
 * that is not ASCII a span's start is ASCII until its first character outside ASCII, and a
 * span whose start holds one is keyed by `mixed` (None without it). A small hash table of the
 * starts finds the shared ones without a string or a dict entry a span. */
static PyObject *
repeated_starts(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *spans, *seq, *mixed = Py_None, *out = NULL;
    RoughStart *starts = NULL;
    char *shared = NULL;
    Py_ssize_t *table = NULL, size;
    const void *data;
    Py_ssize_t n = 0, length, i, j;
    int kind, ascii;
    if (BAD_COUNT(2, 3) || BAD_STR(0))
        return NULL;
    text = args[0], spans = args[1], mixed = nargs > 2 ? args[2] : Py_None;
    ascii = PyUnicode_IS_ASCII(text);
    if (!ascii && mixed == Py_None)
        Py_RETURN_NONE;
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    length = PyUnicode_GET_LENGTH(text);
    seq = PySequence_Fast(spans, "repeated_starts: the spans must be a sequence");
    if (seq == NULL)
        return NULL;
    n = PySequence_Fast_GET_SIZE(seq);
    starts = PyMem_Calloc(n ? n : 1, sizeof(RoughStart));
    shared = PyMem_Calloc(n ? n : 1, 1);
    if (starts == NULL || shared == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (i = 0; i < n; i++) {
        PyObject *span = PySequence_Fast_GET_ITEM(seq, i);
        Py_ssize_t start, end;
        RoughStart *rough = &starts[i];
        if (!PyTuple_Check(span) || PyTuple_GET_SIZE(span) != 2) {
            PyErr_SetString(PyExc_TypeError, "repeated_starts: a span is a pair of offsets");
            goto done;
        }
        start = PyLong_AsSsize_t(PyTuple_GET_ITEM(span, 0));
        end = PyLong_AsSsize_t(PyTuple_GET_ITEM(span, 1));
        if ((start == -1 || end == -1) && PyErr_Occurred())
            goto done;
        if (start < 0 || end < start) {
            PyErr_SetString(PyExc_ValueError, "repeated_starts: a span's offsets are 0 <= start <= end");
            goto done;
        }
        rough->index = i;
        if (ascii)
            rough_start_bytes(rough, data, length, start, end);
        else if (!rough_start_ascii(rough, kind, data, length, start, end) &&
                 rough_start_mixed(rough, mixed, text, start, end) < 0)
            goto done;
    }
    /* each start into an open-addressed table of twice as many slots or more (one past the first
     * span of its start): a start met again marks both spans shared */
    for (size = 8; size < 2 * n; size *= 2)
        ;
    table = PyMem_Calloc((size_t)size, sizeof(Py_ssize_t));
    if (table == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (i = 0; i < n; i++) {
        for (j = (Py_ssize_t)(rough_start_hash(&starts[i]) & (uint64_t)(size - 1));; j = (j + 1) & (size - 1)) {
            if (table[j] == 0) {
                table[j] = i + 1;
                break;
            }
            if (rough_start_order(&starts[table[j] - 1], &starts[i]) == 0) {
                shared[table[j] - 1] = 1;
                shared[i] = 1;
                break;
            }
        }
    }
    out = PyList_New(0);
    for (i = 0; out != NULL && i < n; i++) {
        PyObject *index;
        if (!shared[i])
            continue;
        index = PyLong_FromSsize_t(i);
        if (index == NULL || PyList_Append(out, index) < 0)
            Py_CLEAR(out);
        Py_XDECREF(index);
    }
done:
    for (i = 0; starts != NULL && i < n; i++)
        Py_XDECREF(starts[i].wide);
    PyMem_Free(starts);
    PyMem_Free(shared);
    PyMem_Free(table);
    Py_DECREF(seq);
    return out;
}

/* Whether ch is one of newslint.quotations' sixteen quotation marks; 2 for ' ‘ ’, which are
 * marks only where they do not stand between two word characters (an apostrophe: `don't`). */
static int
quote_mark_kind(Py_UCS4 ch)
{
    switch (ch) {
    case '"': case '`': case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB:
    case 0x00BB: case 0x2039: case 0x203A: case 0x201A: case 0x201B:
        return 1;
    case '\'': case 0x2018: case 0x2019:
        return 2;
    default:
        return 0;
    }
}

/* quote_mark_kind of the 256 characters of a text of one byte a character (most stories). */
static const unsigned char LATIN1_QUOTE_MARK[256] = {['"'] = 1, ['`'] = 1, [0xAB] = 1, [0xBB] = 1, ['\''] = 2};
#define LATIN1_QUOTE_MARKS '"', '`', 0xAB, 0xBB, '\''

/* Whether a quotation mark of kind `mark` (quote_mark_kind) at `i` is one in text[:end]: not an
 * apostrophe between two word characters (`don't`; _MARK's look-behind reads before a part). */
static inline int
mark_stands(int kind, const void *data, int mark, Py_ssize_t i, Py_ssize_t end)
{
    return mark == 1 || !(i > 0 && IS_WORD(SS_READ(i - 1)) && i + 1 < end && IS_WORD(SS_READ(i + 1)));
}

/* Whether the character at `i` is a quotation mark in text[:end] (quotations._MARK matches there). */
static int
quote_mark_at(int kind, const void *data, Py_ssize_t i, Py_ssize_t end)
{
    int mark = quote_mark_kind(SS_READ(i));
    return mark != 0 && mark_stands(kind, data, mark, i, end);
}

/* The first quotation mark of text[i:end], or end. */
static Py_ssize_t
next_quote_mark(int kind, const void *data, Py_ssize_t i, Py_ssize_t end)
{
    for (; i < end; i++) {
        int mark;
        if (kind == PyUnicode_1BYTE_KIND) {
            if ((i = ucs1_skip(data, i, end, LATIN1_QUOTE_MARK, LATIN1_QUOTE_MARKS)) >= end)
                return end;
            mark = LATIN1_QUOTE_MARK[((const Py_UCS1 *)data)[i]];
        } else if ((mark = quote_mark_kind(SS_READ(i))) == 0)
            continue;
        if (mark_stands(kind, data, mark, i, end))
            return i;
    }
    return end;
}

/* quote_marks(text, paragraphs): for each paragraph (start, end) that holds a quotation mark,
 * (its index, the marks' offsets), as quotations._MARK's matches in text[start:end] find them:
 * the pattern's look-behind reads the text before `start`, its look-ahead nothing from `end` on. */
static PyObject *
quote_marks(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *parts, *out = NULL, *at = NULL;
    Py_ssize_t *starts = NULL, *ends = NULL, k, n, length;
    int kind;
    const void *data;
    if (BAD_COUNT(2, 2) || BAD_STR(0))
        return NULL;
    text = args[0], parts = args[1];
    if (read_spans(parts, &starts, &ends, &n) < 0)
        return NULL;
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    length = PyUnicode_GET_LENGTH(text);
    out = PyList_New(0);
    if (out == NULL)
        goto fail;
    for (k = 0; k < n; k++) {
        Py_ssize_t start = starts[k], end = ends[k], i;
        if (start < 0 || end < start || end > length) {
            PyErr_SetString(PyExc_ValueError, "quote_marks: a paragraph outside the text");
            goto fail;
        }
        for (i = start; (i = next_quote_mark(kind, data, i, end)) < end; i++) {
            PyObject *offset;
            if (at == NULL && (at = PyList_New(0)) == NULL)
                goto fail;
            offset = PyLong_FromSsize_t(i);
            if (offset == NULL || PyList_Append(at, offset) < 0) {
                Py_XDECREF(offset);
                goto fail;
            }
            Py_DECREF(offset);
        }
        if (at != NULL) {
            PyObject *entry = Py_BuildValue("(nN)", k, at);
            at = NULL;
            if (entry == NULL || PyList_Append(out, entry) < 0) {
                Py_XDECREF(entry);
                goto fail;
            }
            Py_DECREF(entry);
        }
    }
    PyMem_Free(starts);
    PyMem_Free(ends);
    return out;
fail:
    Py_XDECREF(at);
    Py_XDECREF(out);
    PyMem_Free(starts);
    PyMem_Free(ends);
    return NULL;
}

/* --- the quotations of a story (newslint.quotations._in_part, mark by mark) --- */

/* The marks as quotations._KINDS names them (two backticks or apostrophes are one TeX mark). */
enum {
    QK_DQ, QK_DAPOS, QK_LDQ, QK_LOWDQ, QK_REVDQ, QK_DTICK, QK_LGUIL, QK_RGUIL, QK_RDQ,
    QK_SQ, QK_LSQ, QK_LOWSQ, QK_REVSQ, QK_TICK, QK_LSGUIL, QK_RSGUIL, QK_RSQ
};
enum { QF_DOUBLE, QF_SINGLE };                    /* quotations.DOUBLE, SINGLE */
enum { QP_EITHER, QP_OPEN, QP_CLOSE, QP_GUILLEMET }; /* how a kind points */
#define QB(k) (1u << (k))
#define QUOTE_MAX_DEPTH 3 /* quotations.MAX_DEPTH */

/* Each kind's family, closers (a bit for each kind that closes it) and how it points. */
static const struct {
    unsigned char family, points;
    unsigned int closers;
} QUOTE_KINDS[] = {
    [QK_DQ] = {QF_DOUBLE, QP_EITHER, QB(QK_DQ) | QB(QK_RDQ)},
    [QK_DAPOS] = {QF_DOUBLE, QP_EITHER, QB(QK_DAPOS) | QB(QK_DQ) | QB(QK_RDQ)},
    [QK_LDQ] = {QF_DOUBLE, QP_OPEN, QB(QK_RDQ) | QB(QK_LDQ) | QB(QK_DQ)},
    [QK_LOWDQ] = {QF_DOUBLE, QP_OPEN, QB(QK_LDQ) | QB(QK_RDQ) | QB(QK_DQ)},
    [QK_REVDQ] = {QF_DOUBLE, QP_OPEN, QB(QK_RDQ) | QB(QK_DQ)},
    [QK_DTICK] = {QF_DOUBLE, QP_OPEN, QB(QK_DAPOS) | QB(QK_DQ) | QB(QK_RDQ)},
    [QK_LGUIL] = {QF_DOUBLE, QP_OPEN, QB(QK_RGUIL)},
    [QK_RGUIL] = {QF_DOUBLE, QP_GUILLEMET, QB(QK_LGUIL) | QB(QK_RGUIL)},
    [QK_RDQ] = {QF_DOUBLE, QP_CLOSE, 0},
    [QK_SQ] = {QF_SINGLE, QP_EITHER, QB(QK_SQ) | QB(QK_RSQ)},
    [QK_LSQ] = {QF_SINGLE, QP_OPEN, QB(QK_RSQ) | QB(QK_SQ)},
    [QK_LOWSQ] = {QF_SINGLE, QP_OPEN, QB(QK_LSQ) | QB(QK_RSQ) | QB(QK_SQ)},
    [QK_REVSQ] = {QF_SINGLE, QP_OPEN, QB(QK_RSQ) | QB(QK_SQ)},
    [QK_TICK] = {QF_SINGLE, QP_OPEN, QB(QK_SQ) | QB(QK_RSQ)},
    [QK_LSGUIL] = {QF_SINGLE, QP_OPEN, QB(QK_RSGUIL)},
    [QK_RSGUIL] = {QF_SINGLE, QP_GUILLEMET, QB(QK_LSGUIL) | QB(QK_RSGUIL)},
    [QK_RSQ] = {QF_SINGLE, QP_CLOSE, 0},
};
#define QK_GUILLEMETS (QB(QK_LGUIL) | QB(QK_RGUIL) | QB(QK_LSGUIL) | QB(QK_RSGUIL))

/* The kind of the mark at `i` (a quotation mark) and where it ends (quotations._whole_mark). */
static int
whole_quote_mark(int kind, const void *data, Py_ssize_t i, Py_ssize_t end, Py_ssize_t *j)
{
    Py_UCS4 ch = SS_READ(i);
    *j = i + 1;
    if ((ch == '`' || ch == '\'') && i + 1 < end && SS_READ(i + 1) == ch) {
        *j = i + 2;
        return ch == '`' ? QK_DTICK : QK_DAPOS;
    }
    switch (ch) {
    case '"': return QK_DQ;
    case 0x201C: return QK_LDQ;
    case 0x201E: return QK_LOWDQ;
    case 0x201F: return QK_REVDQ;
    case 0x00AB: return QK_LGUIL;
    case 0x00BB: return QK_RGUIL;
    case 0x201D: return QK_RDQ;
    case '\'': return QK_SQ;
    case 0x2018: return QK_LSQ;
    case 0x201A: return QK_LOWSQ;
    case 0x201B: return QK_REVSQ;
    case '`': return QK_TICK;
    case 0x2039: return QK_LSGUIL;
    case 0x203A: return QK_RSGUIL;
    default: return QK_RSQ; /* ’ */
    }
}

/* quotations._OPENING_PUNCTUATION, and with `single` its _SINGLE_OPENS_AFTER. */
static int
opening_punctuation(Py_UCS4 ch, int single)
{
    switch (ch) {
    case '(': case '[': case '{': case 0x2014: case 0x2013: case '-': case '/': case '"': case 0x201C:
    case 0x2018: case '\'':
        return 1;
    case ':': case ',': case ';':
        return single;
    default:
        return 0;
    }
}

/* Whether text[j:end] opens with two figures that end a word, or with them and an `s`
 * (quotations._CENTURY_ELIDED's match: `'90s`). */
static int
century_elided(int kind, const void *data, Py_ssize_t j, Py_ssize_t end)
{
    Py_UCS4 ch;
    if (j + 2 > end || !IS_DIGIT(SS_READ(j)) || !IS_DIGIT(SS_READ(j + 1)))
        return 0;
    if (j + 2 == end || !IS_WORD(ch = SS_READ(j + 2)))
        return 1;
    return ch == 's' && (j + 3 == end || !IS_WORD(SS_READ(j + 3)));
}

/* quotations._elision_end: where the apostrophes end when a single mark of kind `q` that ends at
 * `j` elides (`'90s`, `’Tis`, `'n'`), or -1. */
static Py_ssize_t
elision_end(int kind, const void *data, Py_ssize_t j, Py_ssize_t end, int q, Py_UCS4 before, Py_UCS4 after)
{
    Py_UCS4 ch;
    if (Py_UNICODE_ISDIGIT(after))
        return century_elided(kind, data, j, end) ? j : -1;
    if (!Py_UNICODE_ISALPHA(after))
        return -1;
    if (j + 2 <= end && ((ch = SS_READ(j + 1)) == '\'' || ch == 0x2019) &&
        (j + 2 == end || !Py_UNICODE_ISALNUM(SS_READ(j + 2))))
        return j + 2;
    if (q == QK_RSQ && (Py_UNICODE_ISSPACE(before) || opening_punctuation(before, 0)))
        return j;
    return -1;
}

/* quotations._may_open: whether a mark of kind `q` may open a quotation. */
static int
quote_may_open(int q, int opens, int closes, Py_UCS4 before, Py_UCS4 after)
{
    switch (QUOTE_KINDS[q].points) {
    case QP_CLOSE:
        return 0;
    case QP_GUILLEMET:
        return before == ':' || (opens && !closes && Py_UNICODE_ISALNUM(after));
    case QP_OPEN:
        return !(closes && !opens) || ((QB(q) & QK_GUILLEMETS) && Py_UNICODE_ISSPACE(after));
    default:
        if (!opens || before == '=')
            return 0;
        return q != QK_SQ || Py_UNICODE_ISSPACE(before) || opening_punctuation(before, 1);
    }
}

/* A quotation opened and not yet closed (quotations._Open). */
typedef struct {
    Py_ssize_t start, nested_at; /* nested_at: -1 while none of its own kind opened inside it */
    int kind;
} QuoteOpen;

/* quotations._closable: the depth of the open quotation a mark of kind `q` closes, or -1. */
static int
quote_closable(const QuoteOpen *stack, int depth, int q)
{
    int family = QUOTE_KINDS[q].family;
    while (--depth >= 0) {
        int open_family = QUOTE_KINDS[stack[depth].kind].family;
        if (open_family == family && (QUOTE_KINDS[stack[depth].kind].closers & QB(q)))
            return depth;
        if (family == QF_SINGLE || open_family == QF_DOUBLE)
            return -1;
    }
    return -1;
}

/* quotations._after_sentence_end: whether the mark at `i` follows a space after a sentence's end. */
static int
after_sentence_end(int kind, const void *data, Py_ssize_t i, Py_ssize_t start)
{
    Py_ssize_t k = i - 1;
    Py_UCS4 ch;
    if (k < start || !Py_UNICODE_ISSPACE(SS_READ(k)))
        return 0;
    while (k > start && Py_UNICODE_ISSPACE(SS_READ(k)))
        k--;
    while (k > start && ((ch = SS_READ(k)) == ')' || ch == ']' || ch == '\'' || ch == '"' || ch == 0x2019 ||
                         ch == 0x201D || ch == 0x00BB || ch == 0x203A))
        k--;
    ch = SS_READ(k);
    return ch == '.' || ch == '?' || ch == '!' || ch == 0x2026 || ch == ':';
}

/* quotations._reopening_family: the family of the mark that opens text[start:end], or -1. */
static int
reopening_family(int kind, const void *data, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t j;
    Py_UCS4 after;
    int q;
    if (start >= end || !quote_mark_at(kind, data, start, end))
        return -1;
    q = whole_quote_mark(kind, data, start, end, &j);
    after = j < end ? SS_READ(j) : ' ';
    if (QUOTE_KINDS[q].points == QP_CLOSE || !(Py_UNICODE_ISALNUM(after) || Py_UNICODE_ISSPACE(after)))
        return -1;
    return QUOTE_KINDS[q].family;
}

/* The spans of one part's quotations, as quotations._in_part yields them, appended to `out`;
 * `fstart` < 0 when no paragraph follows. 0, or -1 with an exception set. */
static int
part_quotations(PyObject *out, PyTypeObject *span_type, int kind, const void *data, Py_ssize_t start,
                Py_ssize_t end, Py_ssize_t fstart, Py_ssize_t fend, int markdown, const Py_ssize_t *bstarts,
                const Py_ssize_t *bends, Py_ssize_t nblock)
{
    QuoteOpen stack[QUOTE_MAX_DEPTH];
    int depth = 0, d, reopened;
    Py_ssize_t skip_to = start, i, j, elided;
    for (i = start; (i = next_quote_mark(kind, data, i, end)) < end; i++) {
        Py_UCS4 before, after;
        int q, family, points, opens, closes;
        if (i < skip_to)
            continue; /* the second half of a TeX mark */
        q = whole_quote_mark(kind, data, i, end, &j);
        if (j > i + 1)
            skip_to = j;
        if ((markdown && (q == QK_TICK || q == QK_DTICK)) || touches_range(bstarts, bends, nblock, i, j))
            continue;
        before = i > start ? SS_READ(i - 1) : ' ';
        after = j < end ? SS_READ(j) : ' ';
        family = QUOTE_KINDS[q].family;
        points = QUOTE_KINDS[q].points;
        if (family == QF_SINGLE && !Py_UNICODE_ISALNUM(before) &&
            (elided = elision_end(kind, data, j, end, q, before, after)) >= 0) {
            skip_to = elided;
            continue;
        }
        if (points == QP_EITHER && !Py_UNICODE_ISSPACE(before) &&
            ((Py_UNICODE_ISALNUM(after) && Py_UNICODE_ISALNUM(before)) ||
             (j < end && (SS_READ(j) == 's' || SS_READ(j) == 'S') &&
              (j + 1 == end || !Py_UNICODE_ISALNUM(SS_READ(j + 1))))))
            continue; /* `don"t`, `Bank>"s` (quotations._possessive) */
        if (Py_UNICODE_ISSPACE(after)) { /* quotations._flanking */
            opens = Py_UNICODE_ISSPACE(before);
            closes = 1;
        } else if (Py_UNICODE_ISSPACE(before)) {
            opens = 1;
            closes = 0;
        } else {
            int after_word = Py_UNICODE_ISALNUM(after), before_word = Py_UNICODE_ISALNUM(before);
            opens = after_word || !before_word;
            closes = before_word || !after_word;
        }
        if (before == ':' && points != QP_CLOSE)
            opens = 1;
        if (depth && (closes || q == QK_RDQ || (QB(q) & QK_GUILLEMETS)) &&
            (d = quote_closable(stack, depth, q)) >= 0) {
            depth = d;
            if (append_span(out, span_type, stack[d].start, j) < 0)
                return -1;
            continue;
        }
        if (!quote_may_open(q, opens, closes, before, after))
            continue;
        if (depth && QUOTE_KINDS[stack[depth - 1].kind].family == family) {
            QuoteOpen *top = &stack[depth - 1];
            if (q == top->kind && after_sentence_end(kind, data, i, start)) {
                depth--; /* a run-on quote re-opened at each of its paragraphs, run together */
                if (append_span(out, span_type, top->start, top->nested_at >= 0 ? top->nested_at : i) < 0)
                    return -1;
            } else if (family == QF_SINGLE) {
                continue;
            } else if (points == QP_EITHER && (QUOTE_KINDS[top->kind].closers & QB(q)) &&
                       (before == '.' || before == '?' || before == '!' || before == ',' || before == ';')) {
                depth--; /* a closing mark that lost the space after it */
                if (append_span(out, span_type, top->start, j) < 0)
                    return -1;
                continue;
            } else if (top->nested_at < 0) {
                top->nested_at = i;
            }
        }
        if (depth < QUOTE_MAX_DEPTH) {
            stack[depth].start = i;
            stack[depth].nested_at = -1;
            stack[depth++].kind = q;
        }
    }
    if (!depth) /* quotations._left_open */
        return 0;
    reopened = fstart < 0 ? -1 : reopening_family(kind, data, fstart, fend);
    for (d = 0; d < depth; d++) {
        int family = QUOTE_KINDS[stack[d].kind].family;
        Py_ssize_t stop = family == reopened ? end : stack[d].nested_at >= 0 ? stack[d].nested_at : end;
        if (family != reopened && family != QF_DOUBLE)
            break; /* a single left open was an apostrophe, and so was anything inside it */
        if (append_span(out, span_type, stack[d].start, stop) < 0)
            return -1;
    }
    return 0;
}

/* The quotations of the n parts [starts[k], ends[k]) (the paragraphs from index `first` on, each
 * read with the next one) appended to `out` in turn (quotation_spans). 0, or -1 with an exception. */
static int
parts_quotations(PyObject *out, PyTypeObject *span_type, int kind, const void *data, const Py_ssize_t *starts,
                 const Py_ssize_t *ends, Py_ssize_t n, Py_ssize_t first, int markdown, const Py_ssize_t *bstarts,
                 const Py_ssize_t *bends, Py_ssize_t nblock)
{
    Py_ssize_t k;
    for (k = 0; k < n; k++) {
        int followed = first <= k && k < n - 1; /* the headline has no following paragraph */
        if (part_quotations(out, span_type, kind, data, starts[k], ends[k], followed ? starts[k + 1] : -1,
                            followed ? ends[k + 1] : -1, markdown, bstarts, bends, nblock) < 0)
            return -1;
    }
    return 0;
}

/* quotation_spans(text, span_type, parts, first, markdown, blocked): the quotations of a story's
 * parts (spans: the headline, if any, then the paragraphs from index `first` on), as
 * quotations.quotations finds them before it sorts them: each part's in turn, a paragraph's
 * read with the next one. Marks touching a `blocked` span (sorted, disjoint) are no edges. */
static PyObject *
quotation_spans(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *parts, *blocked, *out = NULL;
    PyTypeObject *span_type;
    Py_ssize_t *starts = NULL, *ends = NULL, *bstarts = NULL, *bends = NULL, n, nblock, first, k, length;
    int markdown, kind;
    const void *data;
    if (BAD_COUNT(6, 6) || BAD_STR(0) || BAD_TYPE(1, PyType_Check, "type") || BAD_SSIZE(3, first) ||
        (markdown = PyObject_IsTrue(args[4])) < 0)
        return NULL;
    text = args[0], span_type = (PyTypeObject *)args[1], parts = args[2], blocked = args[5];
    if (!PyType_IsSubtype(span_type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "quotation_spans: the span type must be a tuple type");
        return NULL;
    }
    if (read_spans(parts, &starts, &ends, &n) < 0 || read_spans(blocked, &bstarts, &bends, &nblock) < 0)
        goto fail;
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    length = PyUnicode_GET_LENGTH(text);
    for (k = 0; k < n; k++)
        if (starts[k] < 0 || ends[k] < starts[k] || ends[k] > length) {
            PyErr_SetString(PyExc_ValueError, "quotation_spans: a part outside the text");
            goto fail;
        }
    if ((out = PyList_New(0)) == NULL ||
        parts_quotations(out, span_type, kind, data, starts, ends, n, first, markdown, bstarts, bends, nblock) < 0)
        goto fail;
    goto done;
fail:
    Py_CLEAR(out);
done:
    PyMem_Free(starts);
    PyMem_Free(ends);
    PyMem_Free(bstarts);
    PyMem_Free(bends);
    return out;
}
/* Whether text[start:end] (a stripped block) looks like a headline (segment._looks_like_headline):
 * one line of at most `most` characters, of two words or more or in capitals, with a letter,
 * and not ending in a full stop or colon unless in capitals. */
static int
ss_headline_like(int kind, const void *data, Py_ssize_t start, Py_ssize_t end, Py_ssize_t most)
{
    Py_ssize_t i;
    int spaced = 0, letter = 0, lower = 0, upper = 0; /* str.isupper: no lower or title case, an upper */
    Py_UCS4 last;
    if (end - start > most || end <= start)
        return 0;
    for (i = start; i < end; i++) {
        Py_UCS4 ch = SS_READ(i);
        if (ch == '\n')
            return 0;
        spaced |= Py_UNICODE_ISSPACE(ch);
        if (ch < 128) { /* (most: Python's tests of case are a call each) */
            lower |= IS_ASCII_LOWER(ch);
            upper |= IS_ASCII_UPPER(ch);
            letter |= IS_ASCII_LOWER(ch) || IS_ASCII_UPPER(ch);
            continue;
        }
        letter |= Py_UNICODE_ISALPHA(ch);
        if (Py_UNICODE_ISLOWER(ch) || Py_UNICODE_ISTITLE(ch))
            lower = 1;
        else if (Py_UNICODE_ISUPPER(ch))
            upper = 1;
    }
    if (end - start == 1) /* str.isupper of one character */
        upper = Py_UNICODE_ISUPPER(SS_READ(start)) != 0, lower = 0;
    if ((!spaced && (lower || !upper)) || !letter)
        return 0;
    last = SS_READ(end - 1);
    return (last != '.' && last != ':') || (upper && !lower);
}

/* Whether a dateline may open text[start:end]: segment.dateline_at's first test (a capital A-Z
 * first, and a hyphen, en or em dash among its first 120 characters), made where both its
 * patterns end, a dash with white space (\s) after it inside those 120 characters. Most
 * paragraphs that pass the first test hold a hyphen in a word (`larger-than-expected`), and the
 * patterns tried there cost some 17 K instructions a paragraph. */
static int
ss_may_open_dateline(int kind, const void *data, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t i, stop = end - start > 120 ? start + 120 : end;
    Py_UCS4 ch;
    if (start >= end || (ch = SS_READ(start)) < 'A' || ch > 'Z')
        return 0;
    for (i = start + 1; i + 1 < stop; i++)
        if (((ch = SS_READ(i)) == '-' || ch == 0x2013 || ch == 0x2014) && Py_UNICODE_ISSPACE(SS_READ(i + 1)))
            return 1;
    return 0;
}

/* The (start, end) of each span of `list` into new arrays, for part_quotations. */
static int
ss_list_bounds(PyObject *list, Py_ssize_t first_start, Py_ssize_t first_end, Py_ssize_t **starts, Py_ssize_t **ends,
               Py_ssize_t *size)
{
    Py_ssize_t k, n = PyList_GET_SIZE(list), at = first_start >= 0;
    *starts = PyMem_Malloc((n + 1) * sizeof(Py_ssize_t));
    *ends = PyMem_Malloc((n + 1) * sizeof(Py_ssize_t));
    if (*starts == NULL || *ends == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    if (at)
        (*starts)[0] = first_start, (*ends)[0] = first_end;
    for (k = 0; k < n; k++) {
        PyObject *span = PyList_GET_ITEM(list, k);
        (*starts)[k + at] = PyLong_AsSsize_t(PyTuple_GET_ITEM(span, 0));
        (*ends)[k + at] = PyLong_AsSsize_t(PyTuple_GET_ITEM(span, 1));
    }
    *size = n + at;
    return 0;
}

/* The parts of a plain-text story with nothing to skip (segment.parse, its twin
 * segment.story_spans) into items[0..4], new references: the headline or None, the dateline or
 * None, and tuples of the paragraphs, sentences and quotations (sorted). The blocks of the whole
 * text; the first is the headline when another follows and it looks like one (at most `most`
 * characters); the paragraphs of the others; `dateline_at(text, start, end)` asked of the first
 * paragraph where a dateline may open it; the sentences (the headline's first); the quotations of
 * the headline and paragraphs, marks touching a blocked span (sorted, disjoint) no edges. 0, or
 * -1 with an exception set and nothing in items. */
static int
plain_parts(PyObject *text, PyTypeObject *span_type, const Py_ssize_t *bstarts, const Py_ssize_t *bends,
            Py_ssize_t nblock, PyObject *abbreviations, PyObject *dateline_at, Py_ssize_t most, PyObject **items)
{
    PyObject *blocks, *paragraphs = NULL, *sentences = NULL, *quotes = NULL, *headline = Py_None;
    PyObject *dateline = Py_None;
    Py_ssize_t *starts = NULL, *ends = NULL, n = 0, k, first = 0, hstart = -1, hend = -1, opens = -1, read_from = -1;
    int kind = PyUnicode_KIND(text), failed = -1;
    const void *data = PyUnicode_DATA(text);
    Py_INCREF(headline);
    Py_INCREF(dateline);
    if ((blocks = PyList_New(0)) == NULL ||
        blocks_into(blocks, span_type, kind, data, 0, PyUnicode_GET_LENGTH(text)) < 0 ||
        (paragraphs = PyList_New(0)) == NULL)
        goto done;
    if (PyList_GET_SIZE(blocks) > 1) {
        PyObject *head = PyList_GET_ITEM(blocks, 0);
        hstart = PyLong_AsSsize_t(PyTuple_GET_ITEM(head, 0));
        hend = PyLong_AsSsize_t(PyTuple_GET_ITEM(head, 1));
        if (ss_headline_like(kind, data, hstart, hend, most)) {
            Py_SETREF(headline, Py_NewRef(head));
            first = 1;
        } else
            hstart = hend = -1;
    }
    for (k = first; k < PyList_GET_SIZE(blocks); k++) {
        PyObject *block = PyList_GET_ITEM(blocks, k);
        if (paragraphs_into(paragraphs, span_type, kind, data, PyLong_AsSsize_t(PyTuple_GET_ITEM(block, 0)),
                            PyLong_AsSsize_t(PyTuple_GET_ITEM(block, 1)), block) < 0)
            goto done;
    }
    if (ss_list_bounds(paragraphs, hstart, hend, &starts, &ends, &n) < 0)
        goto done;
    first = hstart >= 0; /* where the paragraphs start among the parts */
    if (n > first && ss_may_open_dateline(kind, data, starts[first], ends[first])) {
        PyObject *found = PyObject_CallFunction(dateline_at, "Onn", text, starts[first], ends[first]);
        if (found == NULL)
            goto done;
        Py_SETREF(dateline, found);
        if (ss_dateline_bounds("story_spans", dateline, &opens, &read_from) < 0)
            goto done;
    }
    if ((sentences = PyList_New(0)) == NULL || (headline != Py_None && PyList_Append(sentences, headline) < 0))
        goto done;
    for (k = first; k < n; k++)
        if (ss_sentences(sentences, span_type, text, kind, data, starts[k], ends[k], opens, read_from,
                         abbreviations, PyList_GET_ITEM(paragraphs, k - first)) < 0)
            goto done;
    if ((quotes = PyList_New(0)) == NULL ||
        parts_quotations(quotes, span_type, kind, data, starts, ends, n, first, 0, bstarts, bends, nblock) < 0 ||
        PyList_Sort(quotes) < 0)
        goto done;
    items[0] = headline, items[1] = dateline; /* (their references taken) */
    headline = dateline = NULL;
    items[2] = PyList_AsTuple(paragraphs);
    items[3] = PyList_AsTuple(sentences);
    items[4] = PyList_AsTuple(quotes);
    failed = items[2] == NULL || items[3] == NULL || items[4] == NULL ? -1 : 0;
    if (failed)
        for (k = 0; k < 5; k++)
            Py_CLEAR(items[k]);
done:
    Py_XDECREF(headline);
    Py_XDECREF(dateline);
    Py_XDECREF(blocks);
    Py_XDECREF(paragraphs);
    Py_XDECREF(sentences);
    Py_XDECREF(quotes);
    PyMem_Free(starts);
    PyMem_Free(ends);
    return failed;
}

/* Whether story_spans and plain_story were given a tuple type (a type already), a set and a
 * callable: 0, or -1 with a TypeError naming `fn`. */
static int
story_arguments(const char *fn, PyObject *span_type, PyObject *abbreviations, PyObject *dateline_at)
{
    if (PyType_IsSubtype((PyTypeObject *)span_type, &PyTuple_Type) && PyAnySet_Check(abbreviations) &&
        PyCallable_Check(dateline_at))
        return 0;
    PyErr_Format(PyExc_TypeError, "%s: a tuple type, a set and a callable, please", fn);
    return -1;
}

/* story_spans(text, span_type, blocked, abbreviations, dateline_at, max_headline): the parts of a
 * plain-text story with nothing to skip, in one call where parse made eight (plain_parts):
 * (headline or None, dateline or None, paragraphs, sentences, quotations), marks touching a
 * `blocked` span (sorted, disjoint) no quotation's edges. */
static PyObject *
story_spans(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *items[5] = {NULL};
    Py_ssize_t *bstarts = NULL, *bends = NULL, nblock, most;
    int failed;
    if (BAD_COUNT(6, 6) || BAD_STR(0) || BAD_TYPE(1, PyType_Check, "type") || BAD_SSIZE(5, most) ||
        story_arguments("story_spans", args[1], args[3], args[4]) < 0 || read_spans(args[2], &bstarts, &bends, &nblock) < 0)
        return NULL;
    failed = plain_parts(args[0], (PyTypeObject *)args[1], bstarts, bends, nblock, args[3], args[4], most, items);
    PyMem_Free(bstarts);
    PyMem_Free(bends);
    return failed ? NULL : tuple_of_new(5, items);
}

/* plain_story(text, span_type, abbreviations, dateline_at, max_headline): a plain-text story's
 * hints, tickers and parts in one call, where it holds no rare hint but a [sic] mark's
 * (segment.plain_story, its twin): (story_hints, the tickers as a list of spans, then
 * story_spans' five with the tickers blocked); None for a story that holds another hint. */
static PyObject *
plain_story(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *hints, *tickers, *items[7] = {NULL};
    Py_ssize_t *bstarts = NULL, *bends = NULL, nblock = 0, most;
    long bits;
    if (BAD_COUNT(5, 5) || BAD_STR(0) || BAD_TYPE(1, PyType_Check, "type") || BAD_SSIZE(4, most) ||
        story_arguments("plain_story", args[1], args[2], args[3]) < 0)
        return NULL;
    if ((hints = story_hints(self, args[0])) == NULL)
        return NULL;
    bits = PyLong_AsLong(hints);
    if (bits & ~(long)(HINT_SIC | HINT_DAMAGE)) { /* a rare hint but [sic]'s and damage's: parse's other path */
        Py_DECREF(hints);
        Py_RETURN_NONE;
    }
    items[0] = hints;
    tickers = items[1] = PyList_New(0);
    if (tickers == NULL ||
        tickers_into(tickers, (PyTypeObject *)args[1], PyUnicode_KIND(args[0]), PyUnicode_DATA(args[0]),
                     PyUnicode_GET_LENGTH(args[0])) < 0 ||
        ss_list_bounds(tickers, -1, -1, &bstarts, &bends, &nblock) < 0 ||
        plain_parts(args[0], (PyTypeObject *)args[1], bstarts, bends, nblock, args[2], args[3], most, items + 2) < 0) {
        Py_XDECREF(tickers);
        Py_DECREF(hints);
        PyMem_Free(bstarts);
        PyMem_Free(bends);
        return NULL;
    }
    PyMem_Free(bstarts);
    PyMem_Free(bends);
    return tuple_of_new(7, items);
}

#undef QB
#undef SS_READ

/* The first characters of `items`, a tuple of at most 64 non-empty str each opening with a
 * character below `bound`, into firsts[]: whole_words' words and substrings_held's needles. On a
 * bad item, -1 with an error naming `fn`, the item (`what`) and the bound (`below`). */
static int
tuple_openings(PyObject *items, Py_UCS4 bound, const char *fn, const char *what, const char *below,
               Py_UCS4 *firsts)
{
    Py_ssize_t w, nw = PyTuple_GET_SIZE(items);
    if (nw > 64) {
        PyErr_Format(PyExc_ValueError, "%s: at most 64 %ss", fn, what);
        return -1;
    }
    for (w = 0; w < nw; w++) {
        PyObject *item = PyTuple_GET_ITEM(items, w);
        if (!PyUnicode_Check(item) || PyUnicode_GET_LENGTH(item) == 0) {
            PyErr_Format(PyExc_TypeError, "%s: the %ss must be non-empty str", fn, what);
            return -1;
        }
        firsts[w] = PyUnicode_READ_CHAR(item, 0);
        if (firsts[w] >= bound) {
            PyErr_Format(PyExc_ValueError, "%s: a %s must open with %s", fn, what, below);
            return -1;
        }
    }
    return 0;
}

/* whole_words' comparison at a word start whose character `ch` opens the words of `open` (a mask of
 * `words`, less those found): each of them written at text[i:] as a whole word (no \w just after)
 * is marked in `*found` and counted, up to `most`. */
static void
whole_words_at(PyObject *words, unsigned long long open, int kind, const void *data, Py_ssize_t n,
               Py_ssize_t i, unsigned long long *found, Py_ssize_t *count, Py_ssize_t most)
{
    for (; open && *count < most; open &= open - 1) {
        int w = __builtin_ctzll(open);
        PyObject *word = PyTuple_GET_ITEM(words, w);
        int wkind = PyUnicode_KIND(word);
        const void *wdata = PyUnicode_DATA(word);
        Py_ssize_t len = PyUnicode_GET_LENGTH(word), k;
        if (i + len > n)
            continue;
        for (k = 1; k < len && PyUnicode_READ(wkind, wdata, k) == PyUnicode_READ(kind, data, i + k); k++)
            ;
        if (k == len && (i + len == n || !IS_WORD(PyUnicode_READ(kind, data, i + len)))) {
            *found |= 1ULL << w;
            (*count)++;
        }
    }
}

/* whole_words(text, words, most): how many of `words` (a tuple of at most 64 str, each opening
 * and closing with a \w character) text writes as words, no \w just before or after, counted up
 * to `most`: NL201's wire-desk subjects (rules/naming/english_variety_mix.py's `_subjects` is the
 * twin). One pass over the text: each word start whose character opens one of the words is
 * compared with the words it opens and not yet found (a mask a character), not each word searched
 * for in the whole text. A text of one byte a character (nearly every story) is walked for the
 * words' first characters alone, the character before one read only there (a load and a test a
 * character, where every character's class was read and every word's first character compared). */
static PyObject *
whole_words(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *words;
    Py_ssize_t most, n, nw, i, w, count = 0;
    unsigned long long found = 0;
    /* the words each character opens, for the characters that are \w (a word opening with another
       character never matches at a word start) */
    unsigned long long opens[256] = {0};
    Py_UCS4 firsts[64];
    int kind, prev_word = 0;
    const void *data;
    if (BAD_COUNT(3, 3) || BAD_STR(0) || BAD_TYPE(1, PyTuple_Check, "tuple") || BAD_SSIZE(2, most))
        return NULL;
    text = args[0], words = args[1];
    if (tuple_openings(words, 128, "whole_words", "word", "an ASCII character", firsts) < 0)
        return NULL;
    nw = PyTuple_GET_SIZE(words);
    for (w = 0; w < nw; w++)
        if (IS_WORD(firsts[w]))
            opens[firsts[w]] |= 1ULL << w;
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    n = PyUnicode_GET_LENGTH(text);
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *s = (const Py_UCS1 *)data;
        for (i = 0; i < n && count < most; i++) {
            unsigned long long open = opens[s[i]] & ~found;
            if (!open || (i > 0 && IS_WORD(s[i - 1])))
                continue;
            whole_words_at(words, open, kind, data, n, i, &found, &count, most);
        }
        return PyLong_FromSsize_t(count);
    }
    for (i = 0; i < n && count < most; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        int is_word = IS_WORD(ch);
        if (is_word && !prev_word && ch < 128 && opens[ch])
            whole_words_at(words, opens[ch] & ~found, kind, data, n, i, &found, &count, most);
        prev_word = is_word;
    }
    return PyLong_FromSsize_t(count);
}

/* substrings_held(text, needles): which of `needles` (a tuple of at most 64 non-empty str, each
 * opening with a character below U+0100) text holds, as the bits of an int (bit k: needle k):
 * `sum(1 << k for k, s in enumerate(needles) if s in text)`, the twin in
 * rules/naming/english_variety_mix.py (`_literals_held`). NL201 tests its signs' literals (£, "per cent",
 * Mr, UK, towards ...) in one pass over a story, where each `in` was a pass of its own. Where
 * the walk meets a needle's first character c, `seconds[c]` holds bit (d & 63) of the second
 * character d of each needle opening with c (every bit for a needle of one character): a common
 * first letter (the t of "towards", the p of "per cent") is compared with its needles only before a
 * second character one of them may have, and no needle held is passed over. */
static PyObject *
substrings_held(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *needles;
    Py_ssize_t n, nw, i, w;
    unsigned long long found = 0, all;
    unsigned long long opens[256] = {0}; /* the needles each first character opens */
    unsigned long long seconds[256] = {0}; /* their second characters' bits (d & 63), as above */
    Py_UCS4 firsts[64];
    int kind;
    const void *data;
    if (BAD_COUNT(2, 2) || BAD_STR(0) || BAD_TYPE(1, PyTuple_Check, "tuple"))
        return NULL;
    text = args[0], needles = args[1];
    if (tuple_openings(needles, 256, "substrings_held", "needle", "a character below U+0100", firsts) < 0)
        return NULL;
    nw = PyTuple_GET_SIZE(needles);
    for (w = 0; w < nw; w++) {
        PyObject *needle = PyTuple_GET_ITEM(needles, w);
        opens[firsts[w]] |= 1ULL << w;
        seconds[firsts[w]] |= PyUnicode_GET_LENGTH(needle) == 1
                                  ? ~0ULL
                                  : 1ULL << (PyUnicode_READ_CHAR(needle, 1) & 63);
    }
    all = nw == 64 ? ~0ULL : (1ULL << nw) - 1;
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    n = PyUnicode_GET_LENGTH(text);
    for (i = 0; i < n && found != all; i++) {
        Py_UCS4 ch;
        unsigned long long open;
        if (kind == PyUnicode_1BYTE_KIND) { /* most stories: a tight loop to the next opening */
            const Py_UCS1 *bytes = (const Py_UCS1 *)data;
            while (i < n && !opens[bytes[i]])
                i++;
            if (i == n)
                break;
            ch = bytes[i];
        } else {
            ch = PyUnicode_READ(kind, data, i);
            if (ch >= 256)
                continue;
        }
        if ((open = opens[ch] & ~found) == 0
            || !(seconds[ch] >> (i + 1 < n ? PyUnicode_READ(kind, data, i + 1) & 63 : 0) & 1))
            continue;
        for (; open; open &= open - 1) { /* each needle the character opens, not yet found */
            PyObject *needle;
            int wkind;
            const void *wdata;
            Py_ssize_t len, k;
            w = __builtin_ctzll(open);
            needle = PyTuple_GET_ITEM(needles, w);
            wkind = PyUnicode_KIND(needle);
            wdata = PyUnicode_DATA(needle);
            len = PyUnicode_GET_LENGTH(needle);
            if (i + len > n)
                continue;
            for (k = 1; k < len && PyUnicode_READ(wkind, wdata, k) == PyUnicode_READ(kind, data, i + k); k++)
                ;
            if (k == len)
                found |= 1ULL << w;
        }
    }
    return PyLong_FromUnsignedLongLong(found);
}

/* unit_ends' test of one last digit `at`: a decimal digit (regex \d) at text[at] and one of
 * "bn", "m", "km", "kg", "cm", "mm" just after it, no \w after that (regex \b). */
static int
unit_end_at(PyObject *unused, int kind, const void *data, Py_ssize_t n, Py_ssize_t at)
{
    static const char *const units[] = {"bn", "m", "km", "kg", "cm", "mm"};
    size_t u;
    Py_UCS4 ch;
    (void)unused; /* offsets_passing's test: no argument */
    if (at < 0 || at >= n || !IS_DIGIT((ch = PyUnicode_READ(kind, data, at))))
        return 0;
    for (u = 0; u < sizeof units / sizeof *units; u++) {
        const char *unit = units[u];
        Py_ssize_t k = 0, q = at + 1;
        while (unit[k] && q + k < n && PyUnicode_READ(kind, data, q + k) == (Py_UCS4)(unsigned char)unit[k])
            k++;
        if (unit[k])
            continue;
        if (q + k == n || !IS_WORD(PyUnicode_READ(kind, data, q + k)))
            return 1;
    }
    return 0;
}

/* How many, up to `most`, of `offsets` (an int32 or int64 array, or any sequence of ints) pass
 * `test` (given `arg` and the text): unit_ends' and figure_words' walk. `what` names the offsets
 * in a TypeError ("unit_ends: lasts"). */
static PyObject *
offsets_passing(const char *what, PyObject *text, PyObject *offsets, Py_ssize_t most,
                int (*test)(PyObject *, int, const void *, Py_ssize_t, Py_ssize_t), PyObject *arg)
{
    PyObject *seq = NULL;
    Py_buffer view = {0};
    Py_ssize_t n, count = 0, i, len;
    int kind, width = 0;
    const void *data;
    kind = PyUnicode_KIND(text), data = PyUnicode_DATA(text), n = PyUnicode_GET_LENGTH(text);
    if (PyObject_CheckBuffer(offsets)) {
        if (PyObject_GetBuffer(offsets, &view, PyBUF_FORMAT | PyBUF_ND) < 0)
            return NULL;
        if (view.format != NULL && view.format[0] && !view.format[1]
            && (view.format[0] == 'i' || view.format[0] == 'q' || view.format[0] == 'l')
            && (view.itemsize == 4 || view.itemsize == 8))
            width = (int)view.itemsize;
        else {
            PyBuffer_Release(&view);
            PyErr_Format(PyExc_TypeError, "%s must be int32s or int64s, or a sequence of ints", what);
            return NULL;
        }
        len = view.len / width;
    }
    else {
        if ((seq = PySequence_Fast(offsets, "offsets must be a sequence of ints")) == NULL)
            return NULL;
        len = PySequence_Fast_GET_SIZE(seq);
    }
    for (i = 0; i < len && count < most; i++) {
        Py_ssize_t at;
        if (width == 4)
            at = ((const int *)view.buf)[i];
        else if (width == 8)
            at = (Py_ssize_t)((const long long *)view.buf)[i];
        else if ((at = PyLong_AsSsize_t(PySequence_Fast_GET_ITEM(seq, i))) == -1 && PyErr_Occurred())
            break;
        count += test(arg, kind, data, n, at);
    }
    if (width)
        PyBuffer_Release(&view);
    Py_XDECREF(seq);
    return PyErr_Occurred() ? NULL : PyLong_FromSsize_t(count);
}

/* unit_ends(text, lasts, most): how many, up to `most`, of the offsets `lasts` (ascending: the
 * last digits of a text's runs of digits, as `digit_runs` gives them, in an int32 or int64 array
 * or any sequence of ints) open a match of r"\d(?:bn|m|km|kg|cm|mm)\b": NL201's sign of amounts
 * and measures run into their unit ($4.5bn, 10km), `len(matches_at(pattern, text, lasts))` (the
 * twin, `english_variety_mix._unit_count`) without a match call a figure. No match covers the
 * next last digit (its letters are no digits), so each is tried. */
static PyObject *
unit_ends(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t most;
    if (BAD_COUNT(3, 3) || BAD_STR(0) || BAD_SSIZE(2, most))
        return NULL;
    return offsets_passing("unit_ends: lasts", args[0], args[1], most, unit_end_at, NULL);
}

/* figure_words' test of one offset `at`: a decimal digit (regex \d) no \w just before, one more
 * digit or none, one whitespace character (regex \s), then one of `words` (str of \w characters)
 * with no \w just after (regex \b). */
static int
figure_word_at(PyObject *words, int kind, const void *data, Py_ssize_t n, Py_ssize_t at)
{
    Py_ssize_t q, w, nw = PyTuple_GET_SIZE(words);
    if (at < 0 || at >= n || !IS_DIGIT(PyUnicode_READ(kind, data, at))
        || (at > 0 && IS_WORD(PyUnicode_READ(kind, data, at - 1))))
        return 0;
    q = at + 1;
    if (q < n && IS_DIGIT(PyUnicode_READ(kind, data, q)))
        q++;
    if (q >= n || !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, q)))
        return 0;
    q++;
    for (w = 0; w < nw; w++) {
        PyObject *word = PyTuple_GET_ITEM(words, w);
        int wkind = PyUnicode_KIND(word);
        const void *wdata = PyUnicode_DATA(word);
        Py_ssize_t len = PyUnicode_GET_LENGTH(word), k;
        if (q + len > n)
            continue;
        for (k = 0; k < len && PyUnicode_READ(wkind, wdata, k) == PyUnicode_READ(kind, data, q + k); k++)
            ;
        if (k == len && (q + len == n || !IS_WORD(PyUnicode_READ(kind, data, q + len))))
            return 1;
    }
    return 0;
}

/* figure_words(text, starts, words, most): how many, up to `most`, of the offsets `starts` (a
 * text's first digits, as `digit_runs` gives them, in an int32 or int64 array or any sequence of
 * ints) open a match of rf"\d(?<!\w\d)\d?\s(?:{'|'.join(words)})\b", `words` a tuple of non-empty
 * str of \w characters: NL201's day-month dates (25 February), `len(matches_at(pattern, text,
 * starts))` (the twin, `english_variety_mix._figure_word_count`) without a match call a figure.
 * No offset inside a match opens one (its digits follow a \w or a digit, its other characters are
 * no digits), so each is tried. */
static PyObject *
figure_words(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t most, w;
    if (BAD_COUNT(4, 4) || BAD_STR(0) || BAD_TYPE(2, PyTuple_Check, "tuple") || BAD_SSIZE(3, most))
        return NULL;
    for (w = 0; w < PyTuple_GET_SIZE(args[2]); w++) {
        PyObject *word = PyTuple_GET_ITEM(args[2], w);
        if (!PyUnicode_Check(word) || PyUnicode_GET_LENGTH(word) == 0) {
            PyErr_SetString(PyExc_TypeError, "figure_words: the words must be non-empty str");
            return NULL;
        }
    }
    return offsets_passing("figure_words: starts", args[0], args[1], most, figure_word_at, args[2]);
}

/* line_words(line): the words of a pair-table line as a frozenset, each entry (str.split()'s)
 * up to its first ':' ("agency:3": agency; pairs-before.txt's entries hold none), read as
 * near_words_in_line reads them (line_entry): NL107's neighbour sets (`_neighbours`, about
 * 11,000 words) were a split, a partition an entry and a frozenset in Python, 18 M instructions
 * of the start every process of a `--jobs` run pays before the fork. Twin:
 * newslint.native._line_words. */
static PyObject *
line_words(PyObject *self, PyObject *line)
{
    int kind;
    const void *data;
    Py_ssize_t len, p = 0, start, end;
    PyObject *out, *word;
    if (BAD_STR_O(line))
        return NULL;
    kind = PyUnicode_KIND(line);
    data = PyUnicode_DATA(line);
    len = PyUnicode_GET_LENGTH(line);
    if ((out = PyFrozenSet_New(NULL)) == NULL)
        return NULL;
    while (line_entry(kind, data, len, &p, &start, &end)) {
        word = PyUnicode_Substring(line, start, end);
        if (word == NULL || PySet_Add(out, word) < 0) {
            Py_XDECREF(word);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(word);
    }
    return out;
}

/* The lowercase form of `word`, a new reference: an ASCII str's by a byte loop (the str itself
 * when it holds no capital), any other's by its `lower` method. */
static PyObject *
lowered(PyObject *word)
{
    const Py_UCS1 *d;
    Py_UCS1 *o;
    Py_ssize_t n, i;
    PyObject *out;
    if (!PyUnicode_CheckExact(word) || !PyUnicode_IS_ASCII(word))
        return PyObject_CallMethod(word, "lower", NULL);
    d = PyUnicode_1BYTE_DATA(word);
    n = PyUnicode_GET_LENGTH(word);
    for (i = 0; i < n && !(d[i] >= 'A' && d[i] <= 'Z'); i++)
        ;
    if (i == n)
        return Py_NewRef(word);
    if ((out = PyUnicode_New(n, 127)) == NULL)
        return NULL;
    o = PyUnicode_1BYTE_DATA(out);
    for (i = 0; i < n; i++)
        o[i] = d[i] >= 'A' && d[i] <= 'Z' ? (Py_UCS1)(d[i] + 32) : d[i];
    return out;
}

/* lower_keys(words): {w.lower(): w for w in words}, in the words' order: the known names by
 * their lowercase form (`_capitals._names_by_lowercase`, 17,000 names), a `lower` call and a
 * comprehension's step a name in Python, 16.6 M instructions of the start every process of a
 * `--jobs` run pays before the fork. Twin: newslint.native._lower_keys. */
static PyObject *
lower_keys(PyObject *self, PyObject *words)
{
    PyObject *iter, *out, *word, *key;
    Py_ssize_t size = PyObject_LengthHint(words, 0); /* (made for them: no dict grown step by step) */
    if (size < 0 || (iter = PyObject_GetIter(words)) == NULL)
        return NULL;
    if ((out = new_presized(size)) == NULL) {
        Py_DECREF(iter);
        return NULL;
    }
    while ((word = PyIter_Next(iter)) != NULL) {
        key = lowered(word);
        if (key == NULL || PyDict_SetItem(out, key, word) < 0) {
            Py_XDECREF(key);
            Py_DECREF(word);
            Py_DECREF(iter);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(key);
        Py_DECREF(word);
    }
    Py_DECREF(iter);
    if (PyErr_Occurred())
        Py_CLEAR(out);
    return out;
}

static PyMethodDef methods[] = {
    {"word_table_slots", (PyCFunction)(void (*)(void))word_table_slots, METH_FASTCALL,
     "word_table_slots(data, sep): the bytes of the slots a WordTable of data's lines builds."},
    {"scan_words", (PyCFunction)(void (*)(void))scan_words, METH_FASTCALL,
     "scan_words(text, starts, ends, counts): count the tokens of each range into counts."},
    {"near_words", (PyCFunction)(void (*)(void))near_words, METH_FASTCALL,
     "near_words(typo, words): the words other than typo at most two edits from it, in order."},
    {"near_words_in_line", (PyCFunction)(void (*)(void))near_words_in_line, METH_FASTCALL,
     "near_words_in_line(typo, line): near_words of the words of a pair-table line (text before ':')."},
    {"line_index", line_index, METH_O, "line_index(line): the words of a pair-table line, indexed as bytes."},
    {"near_words_in_index", (PyCFunction)(void (*)(void))near_words_in_index, METH_FASTCALL,
     "near_words_in_index(typo, line, index): near_words_in_line(typo, line), read from the line's index."},
    {"index_tokens", (PyCFunction)(void (*)(void))index_tokens, METH_FASTCALL,
     "index_tokens(text, sentences, blocked, counts[, odd[, counted]]): the token index."},
    {"word_counts", (PyCFunction)(void (*)(void))word_counts, METH_FASTCALL,
     "word_counts(words, uses): a read-only Counter of the words (distinct str) and their uses."},
    {"among", (PyCFunction)(void (*)(void))among, METH_FASTCALL,
     "among(words, ids, wanted): indices of the tokens whose word is wanted."},
    {"joined_at", (PyCFunction)(void (*)(void))joined_at, METH_FASTCALL,
     "joined_at(at, ids, joins, size): the places of at whose word and the next token's are a pair of joins."},
    {"built_tokens", (PyCFunction)(void (*)(void))built_tokens, METH_FASTCALL,
     "built_tokens(words, ids, starts, openings, chosen, lo, hi, places, where, kinds, types, words_only): "
     "the Tokens of the chosen tokens of an index."},
    {"select_bits", (PyCFunction)(void (*)(void))select_bits, METH_FASTCALL,
     "select_bits(keys, memory, tested, passed[, shapes]): (keys tested and passed, keys untested[, keys of shapes])."},
    {"read_bits", (PyCFunction)(void (*)(void))read_bits, METH_FASTCALL,
     "read_bits(keys, memory): (each key's bits in memory, 0 when absent, packed or ints; the bits or-ed)."},
    {"forget_bits", forget_bits, METH_NOARGS, "forget_bits(): the bits read_bits keeps let go (the memory written elsewhere)."},
    {"split_bits", (PyCFunction)(void (*)(void))split_bits, METH_FASTCALL,
     "split_bits(keys, bits, tested, passed): select_bits over the bits read_bits read, no lookup."},
    {"select_story", (PyCFunction)(void (*)(void))select_story, METH_FASTCALL,
     "select_story(test, table, fails, only, shapes, decided, keys, bits, memory, tested, passed, own, limit): "
     "split_bits and test_words."},
    {"select_pending", (PyCFunction)(void (*)(void))select_pending, METH_FASTCALL,
     "select_pending(test, table, fails, only, shapes, decided, keys, bits, pending, tested, passed, own[, known]): "
     "select_story into pending bits."},
    {"select_kept", (PyCFunction)(void (*)(void))select_kept, METH_FASTCALL,
     "select_kept(spec, story, pended): select_pending for one test on a StoryBits (which StoryBits.read "
     "marked unflushed), its tested bits or-ed into pended (a bytearray of one long long); None when spec "
     "is None or the bits are not packed."},
    {"select_gates", (PyCFunction)(void (*)(void))select_gates, METH_FASTCALL,
     "select_gates(gates, text, selected, keys, bits, pending, known, union): which of a story's gates fire, "
     "and the tests run."},
    {"flush_bits", (PyCFunction)(void (*)(void))flush_bits, METH_FASTCALL,
     "flush_bits(keys, pending, memory, room): a story's pending bits or-ed into the memory and cleared."},
    {"flush_stories", (PyCFunction)(void (*)(void))flush_stories, METH_FASTCALL,
     "flush_stories(unflushed, memory, limit): every unflushed story's pending bits written, when all are "
     "packed and fit below limit (True); else nothing done (False)."},
    {"story_bits", (PyCFunction)(void (*)(void))story_bits, METH_FASTCALL,
     "story_bits(cls, words, memory): StoryBits.read's story (keys, bits, union, pending, known) as a cls; "
     "None when the bits are not packed."},
    {"word_shape", word_shape, METH_O, "word_shape(word): the shape class of a word (newslint.tokens.word_shape)."},
    {"presized_dict", presized_dict, METH_O,
     "presized_dict(n): an empty dict with room for n keys before it grows."},
    {"span_set_parts", (PyCFunction)(void (*)(void))span_set_parts, METH_FASTCALL,
     "span_set_parts(spans, span_type): (the spans sorted and merged as a tuple, their starts, their ends); None "
     "when they are not pairs of ints."},
    {"bare_name", (PyCFunction)(void (*)(void))bare_name, METH_FASTCALL,
     "bare_name(shortest, longest, text): the name as written, a possessive 's cut off, or None."},
    {"unlisted_capital", (PyCFunction)(void (*)(void))unlisted_capital, METH_FASTCALL,
     "unlisted_capital(text, minimum, words, wrong): 1 capitalised, 2 in capitals, its lowercase in neither; else 0."},
    {"test_words", (PyCFunction)(void (*)(void))test_words, METH_FASTCALL,
     "test_words(test, table, fails, only, shapes, decided, words, found, memory, tested, both): a letter test run "
     "on new words."},
    {"story_words", (PyCFunction)(void (*)(void))story_words, METH_FASTCALL,
     "story_words(text, counts, kind_of, word_kind): the tokens of text; counts gets its words' uses."},
    {"add_counts", (PyCFunction)(void (*)(void))add_counts, METH_FASTCALL,
     "add_counts(total, counts, ones): add the counts (or 1 for each key) into total."},
    {"tally_words", (PyCFunction)(void (*)(void))tally_words, METH_FASTCALL,
     "tally_words(counts, index, sums, tests): add a story's word counts to a batch's tallies (a record "
     "of native integers a word) and select the words that pass each letter test (run once a word)."},
    {"joined_pairs", (PyCFunction)(void (*)(void))joined_pairs, METH_FASTCALL,
     "joined_pairs(tokens, words, shortest, longest[, sketch]): the joined neighbouring tokens that are words."},
    {"pair_filter", pair_filter, METH_O, "pair_filter(words): the sketch of words that joined_pairs reads."},
    {"edits_among", (PyCFunction)(void (*)(void))edits_among, METH_FASTCALL,
     "edits_among(word, container, filter=None): the strings one edit from the ASCII word that container holds."},
    {"edits_among_each", (PyCFunction)(void (*)(void))edits_among_each, METH_FASTCALL,
     "edits_among_each(word, targets): edits_among(word, container, filter) for each (container, filter), in one walk."},
    {"swap_inside", (PyCFunction)(void (*)(void))swap_inside, METH_FASTCALL,
     "swap_inside(word, targets): whether a swap of two neighbours inside the word is in a target."},
    {"edit_filter", edit_filter, METH_O,
     "edit_filter(keys): a Bloom filter of the ASCII keys, as bytes, for edits_among."},
    {"affix_filter", (PyCFunction)(void (*)(void))affix_filter, METH_FASTCALL,
     "affix_filter(keys): Bloom filters of the ASCII keys' openings and endings, as bytes, for edits_among."},
    {"word_splits", (PyCFunction)(void (*)(void))word_splits, METH_FASTCALL,
     "word_splits(keys, words): (key, i) where key[:i] and key[i:] are both words, 2 <= i < len(key) - 2."},
    {"compound_splits", (PyCFunction)(void (*)(void))compound_splits, METH_FASTCALL,
     "compound_splits(words, joined, shortest, longest, ascii_only=False): word_splits of the closed forms, lowered here; None if not "
     "ASCII (or those words passed over)."},
    {"add_forms", (PyCFunction)(void (*)(void))add_forms, METH_FASTCALL,
     "add_forms(counts, word_counts, memo, make, limit): each word's uses added to the counts of its forms."},
    {"weighted_osa", (PyCFunction)(void (*)(void))weighted_osa, METH_FASTCALL,
     "weighted_osa(typo, word, sub, near, values, costs): the weighted slip cost of word typed as typo."},
    {"bracketed_acronyms", bracketed_acronyms, METH_O,
     "bracketed_acronyms(text): the acronyms of \\(([A-Z]{3,6})\\) in the text, in order."},
    {"body_openers", (PyCFunction)(void (*)(void))body_openers, METH_FASTCALL,
     "body_openers(words, ids, starts, firsts, counts, head_end): (openers counted, those before head_end, "
     "lowercase openers' starts and ends)."},
    {"word_scores", (PyCFunction)(void (*)(void))word_scores, METH_FASTCALL,
     "word_scores(typo, candidates, tables, context, paired, extra, story, story_size, ranks, count, weights): "
     "weigh's score of each plain ASCII word."},
    {"apostrophe_form", (PyCFunction)(void (*)(void))apostrophe_form, METH_FASTCALL,
     "apostrophe_form(words, word): the one form of word with an apostrophe put in that the WordTable holds."},
    {"ranked_shares", (PyCFunction)(void (*)(void))ranked_shares, METH_FASTCALL,
     "ranked_shares(scored, kind): weigh's candidates from their scores, most likely first, with their shares."},
    {"pair_steps", (PyCFunction)(void (*)(void))pair_steps, METH_FASTCALL,
     "pair_steps(data, lines, first, second): the pair's count in log2 steps above the table's floor, or None."},
    {"table_line_starts", (PyCFunction)(void (*)(void))table_line_starts, METH_FASTCALL,
     "table_line_starts(data): where each line of a table's bytes starts, as uint32s."},
    {"table_rest", (PyCFunction)(void (*)(void))table_rest, METH_FASTCALL,
     "table_rest(data, lines, key): the rest of key's line in a pair table, decoded, or None."},
    {"split_pairs", (PyCFunction)(void (*)(void))split_pairs, METH_FASTCALL,
     "split_pairs(text, start, end, filter, shortest[, marks]): the lowercase word pairs whose join may be in the filter."},
    {"split_marks", (PyCFunction)(void (*)(void))split_marks, METH_FASTCALL,
     "split_marks(keys, shortest): a filter of the letters about every split of the lowercase keys, for split_pairs."},
    {"slip_candidates", (PyCFunction)(void (*)(void))slip_candidates, METH_FASTCALL,
     "slip_candidates(text, chosen, words, ids, starts, table): the tokens NL107 weighs, with their neighbours."},
    {"neighbours", (PyCFunction)(void (*)(void))neighbours, METH_FASTCALL,
     "neighbours(text, start, end): the words either side of text[start:end], lowercase, or None."},
    {"may_double", may_double, METH_O,
     "may_double(text): False when no word can be followed by itself (NL103's pattern cannot match)."},
    {"double_starts", double_starts, METH_O,
     "double_starts(text): the starts of the words the next word may repeat (where NL103's pattern may match)."},
    {"digit_runs", digit_runs, METH_O,
     "digit_runs(text): (first digits of the runs no \\w precedes, last digits of every run)."},
    {"matches_at", (PyCFunction)(void (*)(void))matches_at, METH_FASTCALL,
     "matches_at(match, text, starts): pattern.finditer's matches, for a pattern that only matches at starts."},
    {"marked_starts", (PyCFunction)(void (*)(void))marked_starts, METH_FASTCALL,
     "marked_starts(text, starts, joiners, marks): the figure starts whose figure a mark follows."},
    {"space_runs", space_runs, METH_O,
     "space_runs(text): (start, end) of each run of two or more spaces between non-space characters."},
    {"marked_starts_many", (PyCFunction)(void (*)(void))marked_starts_many, METH_FASTCALL,
     "marked_starts_many(text, starts, specs): marked_starts for each (joiners, marks) of specs."},
    {"digit_joints", (PyCFunction)(void (*)(void))digit_joints, METH_FASTCALL,
     "digit_joints(text, lasts): the separators between digits, dot groups and comma figures (NL401)."},
    {"group_starts", (PyCFunction)(void (*)(void))group_starts, METH_FASTCALL,
     "group_starts(text, runs, mark): the runs of one to three digits that mark and three digits follow."},
    {"decimal_starts", (PyCFunction)(void (*)(void))decimal_starts, METH_FASTCALL,
     "decimal_starts(text, runs): the runs that a full stop and two digits follow (NL401)."},
    {"run_starts_into", (PyCFunction)(void (*)(void))run_starts_into, METH_FASTCALL,
     "run_starts_into(text, found): each last digit of a run in found moved back to its first, in place."},
    {"four_digit_starts", (PyCFunction)(void (*)(void))four_digit_starts, METH_FASTCALL,
     "four_digit_starts(text, starts): the starts of the four-digit figures NL402 reads."},
    {"opening_lines", (PyCFunction)(void (*)(void))opening_lines, METH_FASTCALL,
     "opening_lines(text, openings): the starts of the lines that may open with NL304's furniture."},
    {"sorted_line", (PyCFunction)(void (*)(void))sorted_line, METH_FASTCALL,
     "sorted_line(data, key, sep, mode): a line of a sorted table found by binary search in its bytes."},
    {"sorted_rest", (PyCFunction)(void (*)(void))sorted_rest, METH_FASTCALL,
     "sorted_rest(data, key, sep): the decoded rest of the line whose key is key in a sorted table, or None."},
    {"line_filter", (PyCFunction)(void (*)(void))line_filter, METH_FASTCALL,
     "line_filter(data, sep, bits): a filter of 2**bits bits of a table's keys, as bytes."},
    {"may_hold", (PyCFunction)(void (*)(void))may_hold, METH_FASTCALL,
     "may_hold(filter, word): False when line_filter's filter shows no key is the word."},
    {"count_lines", count_lines, METH_O, "count_lines(data): how many lines the bytes hold."},
    {"table_rows", table_rows, METH_O,
     "table_rows(data): a table's lines as key -> the rest of the line; None for other line ends or not UTF-8."},
    {"line_starts", (PyCFunction)(void (*)(void))line_starts, METH_FASTCALL,
     "line_starts(text, itemsize): the offsets where the text's lines start, as bytes of native ints."},
    {"story_parts", (PyCFunction)(void (*)(void))story_parts, METH_FASTCALL,
     "story_parts(text, span_type, max_headline): (headline, paragraphs, sentences) as learn.read_story reads them."},
    {"name_twins", name_twins, METH_O,
     "name_twins(text): NL202's spaced-name forms grouped by their letters, the groups of two forms or more."},
    {"case_pairs", (PyCFunction)(void (*)(void))case_pairs, METH_FASTCALL,
     "case_pairs(text, twice): whether a pair of the names is written twice and with its second in lowercase."},
    {"case_pairs_of", (PyCFunction)(void (*)(void))case_pairs_of, METH_FASTCALL,
     "case_pairs_of(text, written, counts, most): case_pairs of the capitalised names written twice."},
    {"one_edit_pairs", (PyCFunction)one_edit_pairs, METH_O,
     "one_edit_pairs(pairs): True if a pair of ASCII names is one_edit_pair, else the other pairs."},
    {"name_keys", (PyCFunction)name_keys, METH_O,
     "name_keys(low): the keys NL202's NearNames files a lowercase name under."},
    {"keyed_near", (PyCFunction)(void (*)(void))keyed_near, METH_FASTCALL,
     "keyed_near(keyed, keys, crowd): the names filed under keys that at most crowd names share."},
    {"near_pair_found", (PyCFunction)(void (*)(void))near_pair_found, METH_FASTCALL,
     "near_pair_found(asked, written, few): one_edit_pairs of near_name_pairs of the names asked."},
    {"paired_names", (PyCFunction)paired_names, METH_O,
     "paired_names(written): whether two names written may be one edit apart."},
    {"near_name_pairs", (PyCFunction)(void (*)(void))near_name_pairs, METH_FASTCALL,
     "near_name_pairs(queries, written, few): the pairs of a query and a name NL202 compares."},
    {"capitalised_starts", (PyCFunction)(void (*)(void))capitalised_starts, METH_FASTCALL,
     "capitalised_starts(text, pairs): where a capitalised word, a space and a word, a pair of pairs, start."},
    {"capital_before", (PyCFunction)(void (*)(void))capital_before, METH_FASTCALL,
     "capital_before(text, start, lookback, loose): the capitalised word just before start, or None."},
    {"title_runs", (PyCFunction)(void (*)(void))title_runs, METH_FASTCALL,
     "title_runs(text, words, ids, starts, at): the runs of two words or more at the places, by text."},
    {"sentence_spans", (PyCFunction)(void (*)(void))sentence_spans, METH_FASTCALL,
     "sentence_spans(text, span_type, paragraphs, dateline, abbreviations): the paragraphs' sentences."},
    {"paragraph_spans", (PyCFunction)(void (*)(void))paragraph_spans, METH_FASTCALL,
     "paragraph_spans(text, span_type, starts, ends): the blocks' paragraphs."},
    {"repeated_starts", (PyCFunction)(void (*)(void))repeated_starts, METH_FASTCALL,
     "repeated_starts(text, spans, mixed=None): the spans whose first 16 word characters another's share."},
    {"quote_marks", (PyCFunction)(void (*)(void))quote_marks, METH_FASTCALL,
     "quote_marks(text, paragraphs): (index, mark offsets) of each paragraph that holds a quotation mark."},
    {"quotation_spans", (PyCFunction)(void (*)(void))quotation_spans, METH_FASTCALL,
     "quotation_spans(text, span_type, parts, first, markdown, blocked): the quotations of a story's parts."},
    {"story_spans", (PyCFunction)(void (*)(void))story_spans, METH_FASTCALL,
     "story_spans(text, span_type, blocked, abbreviations, dateline_at, max_headline): a plain story's "
     "(headline, dateline, paragraphs, sentences, quotations)."},
    {"plain_story", (PyCFunction)(void (*)(void))plain_story, METH_FASTCALL,
     "plain_story(text, span_type, abbreviations, dateline_at, max_headline): a plain story's (hints, "
     "tickers, headline, dateline, paragraphs, sentences, quotations), or None."},
    {"column_gap", column_gap, METH_O, "column_gap(text): whether a table's column gap is in the text."},
    {"read_whole", (PyCFunction)(void (*)(void))read_whole, METH_FASTCALL,
     "read_whole(path, limit): the bytes of a regular file of at most limit bytes (-1: any) that gives "
     "its size, in one read; None for anything else."},
    {"control_bytes", control_bytes, METH_O,
     "control_bytes(data): how many bytes of data are control bytes text files do not hold."},
    {"plain_text", plain_text, METH_O,
     "plain_text(data): the text of the bytes where sources.decode reads them as they are, else None."},
    {"table_lines", table_lines, METH_O,
     "table_lines(text): (start, end, strength) of the lines a table may hold (segment._table_lines)."},
    {"table_strength", table_strength, METH_O,
     "table_strength(line): how surely the line is a table's (segment._table_strength)."},
    {"url_hint", url_hint, METH_O, "url_hint(text): whether an address's hint (segment._URL_HINT) is in the text."},
    {"sic_hint", sic_hint, METH_O, "sic_hint(text): whether a [sic] mark (segment._SIC_HINT) is in the text."},
    {"story_hints", story_hints, METH_O, "story_hints(text): the rare hints of a story (segment.story_hints)."},
    {"ticker_spans", (PyCFunction)(void (*)(void))ticker_spans, METH_FASTCALL,
     "ticker_spans(text, span_type): the tickers (segment._TICKER's matches) in the text."},
    {"block_spans", (PyCFunction)(void (*)(void))block_spans, METH_FASTCALL,
     "block_spans(text, span_type, start, end): the stretch's blocks."},
    {"form_twins", form_twins, METH_O,
     "form_twins(text): NL204's abbreviation forms whose letters the text writes two ways, one in capitals."},
    {"form_places", (PyCFunction)(void (*)(void))form_places, METH_FASTCALL,
     "form_places(text, forms): the (start, end) of NL204's form matches whose form is in the set forms."},
    {"mixed_forms", (PyCFunction)(void (*)(void))mixed_forms, METH_FASTCALL,
     "mixed_forms(text, lists): NL204's forms whose letters the text writes two ways, words and names left out."},
    {"capital_forms", (PyCFunction)(void (*)(void))capital_forms, METH_FASTCALL,
     "capital_forms(text, start): NL204's abbreviation forms from start whose letters the text writes in capitals."},
    {"whole_words", (PyCFunction)(void (*)(void))whole_words, METH_FASTCALL,
     "whole_words(text, words, most): how many of the words the text writes as words, up to most."},
    {"substrings_held", (PyCFunction)(void (*)(void))substrings_held, METH_FASTCALL,
     "substrings_held(text, needles): the bits of the needles the text holds (bit k: needles[k])."},
    {"figure_words", (PyCFunction)(void (*)(void))figure_words, METH_FASTCALL,
     "figure_words(text, starts, words, most): how many of the first digits starts open a day and a word (25 May), up to most."},
    {"unit_ends", (PyCFunction)(void (*)(void))unit_ends, METH_FASTCALL,
     "unit_ends(text, lasts, most): how many of the last digits lasts open an amount's unit (4.5bn, 10km), up to most."},
    {"line_words", line_words, METH_O,
     "line_words(line): the words of a pair-table line (each entry up to its first ':'), as a frozenset."},
    {"lower_keys", lower_keys, METH_O, "lower_keys(words): {w.lower(): w for w in words}."},
    {NULL, NULL, 0, NULL},
};

/* Once(load): a getter without arguments that calls `load` at its first call and hands every later
 * call what it returned (newslint.native.once; its twin is a Python closure). The rules ask for their
 * word lists and tables (english(), known_names(), ...) about 80 times a story: through
 * functools.cache each call made and hashed a key and looked it up in a dict (about 445
 * instructions); here a vectorcall returns the held object. A `load` that raises leaves nothing
 * held. Instances take attributes (a __dict__), so functools.update_wrapper can name them. */
typedef struct {
    PyObject_HEAD
    PyObject *load;
    PyObject *value; /* NULL until `load` first returns */
    PyObject *dict;
    vectorcallfunc vectorcall;
} OnceObject;

static PyObject *
once_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    OnceObject *once = (OnceObject *)self;
    PyObject *value;
    (void)args;
    if (PyVectorcall_NARGS(nargsf) != 0 || (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0)) {
        PyErr_SetString(PyExc_TypeError, "a getter made by once() takes no arguments");
        return NULL;
    }
    if (once->value != NULL)
        return Py_NewRef(once->value);
    value = PyObject_CallNoArgs(once->load);
    if (value == NULL)
        return NULL;
    if (once->value == NULL)
        once->value = Py_NewRef(value); /* a load that asked for itself keeps the first answer */
    Py_DECREF(value);
    return Py_NewRef(once->value);
}

static PyObject *
once_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *load;
    OnceObject *once;
    if (!PyArg_ParseTuple(args, "O:Once", &load))
        return NULL;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "Once() takes no keyword arguments");
        return NULL;
    }
    if (!PyCallable_Check(load)) {
        PyErr_SetString(PyExc_TypeError, "Once() needs a callable");
        return NULL;
    }
    once = (OnceObject *)type->tp_alloc(type, 0);
    if (once == NULL)
        return NULL;
    once->load = Py_NewRef(load);
    once->value = NULL;
    once->dict = NULL;
    once->vectorcall = once_vectorcall;
    return (PyObject *)once;
}

static int
once_traverse(OnceObject *once, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(once));
    Py_VISIT(once->load);
    Py_VISIT(once->value);
    Py_VISIT(once->dict);
    return 0;
}

static int
once_clear(OnceObject *once)
{
    Py_CLEAR(once->load);
    Py_CLEAR(once->value);
    Py_CLEAR(once->dict);
    return 0;
}

static void
once_dealloc(OnceObject *once)
{
    PyTypeObject *type = Py_TYPE(once);
    PyObject_GC_UnTrack(once);
    once_clear(once);
    type->tp_free((PyObject *)once);
    Py_DECREF(type);
}

static PyObject *
once_held(OnceObject *once, void *closure)
{
    (void)closure;
    return PyBool_FromLong(once->value != NULL);
}

static PyMemberDef once_members[] = {
    {"__dictoffset__", T_PYSSIZET, offsetof(OnceObject, dict), READONLY, NULL},
    {"__vectorcalloffset__", T_PYSSIZET, offsetof(OnceObject, vectorcall), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef once_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {"held", (getter)once_held, NULL, "Whether the load has returned (what it returned is held).", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot once_slots[] = {
    {Py_tp_new, once_new},
    {Py_tp_call, PyVectorcall_Call},
    {Py_tp_traverse, once_traverse},
    {Py_tp_clear, once_clear},
    {Py_tp_dealloc, once_dealloc},
    {Py_tp_members, once_members},
    {Py_tp_getset, once_getset},
    {Py_tp_doc, "Once(load): a getter that calls load() at its first call and returns what it returned."},
    {0, NULL},
};

static PyType_Spec once_spec = {
    "newslint._native.Once",
    sizeof(OnceObject),
    0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    once_slots,
};

/* CachedProperty(build): `newslint.document.cached_property` (its twin, in Python), a
 * non-data descriptor whose first read on an instance calls build(instance) and writes what it
 * returns into the instance's dict under its name, where later reads find it without the
 * descriptor. A Python class's __get__ runs through slot_tp_descr_get: a lookup of __get__, an
 * argument tuple and a frame of its own, about 1,100 instructions more a first read than this
 * (callgrind, 3.11), and a document has some six such reads a story. A build that raises writes
 * nothing. Read on the class (no instance, or None) it is itself. */
typedef struct {
    PyObject_HEAD
    PyObject *build;
    PyObject *name; /* the key in the instance's dict: build.__name__, or the name it is set under */
    PyObject *doc;
} CachedObject;

static PyObject *
cached_get(PyObject *self, PyObject *obj, PyObject *type)
{
    CachedObject *cached = (CachedObject *)self;
    PyObject *value, *dict;
    (void)type;
    if (obj == NULL || obj == Py_None)
        return Py_NewRef(self);
    value = PyObject_CallOneArg(cached->build, obj);
    if (value == NULL)
        return NULL;
    dict = PyObject_GenericGetDict(obj, NULL);
    if (dict == NULL || PyObject_SetItem(dict, cached->name, value) < 0) {
        Py_XDECREF(dict);
        Py_DECREF(value);
        return NULL;
    }
    Py_DECREF(dict);
    return value;
}

static PyObject *
cached_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *build, *name, *doc;
    CachedObject *cached;
    if (!PyArg_ParseTuple(args, "O:CachedProperty", &build))
        return NULL;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "CachedProperty() takes no keyword arguments");
        return NULL;
    }
    if ((name = PyObject_GetAttrString(build, "__name__")) == NULL)
        return NULL;
    if ((doc = PyObject_GetAttrString(build, "__doc__")) == NULL) {
        Py_DECREF(name);
        return NULL;
    }
    cached = (CachedObject *)type->tp_alloc(type, 0);
    if (cached == NULL) {
        Py_DECREF(name);
        Py_DECREF(doc);
        return NULL;
    }
    cached->build = Py_NewRef(build);
    cached->name = name;
    cached->doc = doc;
    return (PyObject *)cached;
}

static PyObject *
cached_set_name(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    CachedObject *cached = (CachedObject *)self;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "__set_name__ takes the owner and the name");
        return NULL;
    }
    Py_SETREF(cached->name, Py_NewRef(args[1]));
    Py_RETURN_NONE;
}

static int
cached_traverse(CachedObject *cached, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(cached));
    Py_VISIT(cached->build);
    Py_VISIT(cached->name);
    Py_VISIT(cached->doc);
    return 0;
}

static int
cached_clear(CachedObject *cached)
{
    Py_CLEAR(cached->build);
    Py_CLEAR(cached->name);
    Py_CLEAR(cached->doc);
    return 0;
}

static void
cached_dealloc(CachedObject *cached)
{
    PyTypeObject *type = Py_TYPE(cached);
    PyObject_GC_UnTrack(cached);
    cached_clear(cached);
    type->tp_free((PyObject *)cached);
    Py_DECREF(type);
}

static PyMemberDef cached_members[] = {
    {"build", T_OBJECT, offsetof(CachedObject, build), READONLY, NULL},
    {"name", T_OBJECT, offsetof(CachedObject, name), READONLY, NULL},
    {"__doc__", T_OBJECT, offsetof(CachedObject, doc), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef cached_methods[] = {
    {"__set_name__", (PyCFunction)(void (*)(void))cached_set_name, METH_FASTCALL,
     "Take the name the descriptor is set under in its class as the key it writes."},
    {NULL, NULL, 0, NULL},
};

/* (no Py_tp_doc: the type's doc would stand where the instances' __doc__ member is) */
static PyType_Slot cached_slots[] = {
    {Py_tp_new, cached_new},
    {Py_tp_descr_get, cached_get},
    {Py_tp_traverse, cached_traverse},
    {Py_tp_clear, cached_clear},
    {Py_tp_dealloc, cached_dealloc},
    {Py_tp_members, cached_members},
    {Py_tp_methods, cached_methods},
    {0, NULL},
};

static PyType_Spec cached_spec = {
    "newslint._native.CachedProperty",
    sizeof(CachedObject),
    0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    cached_slots,
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "newslint._native",
                                    "Compiled twins of newslint's hottest loops (see newslint.native).", -1,
                                    methods};

/* Whether marks[0:5] (0 after the last) are the characters `table` marks, each once: what
 * ucs1_skip's two scans read. */
static int
marks_agree(const unsigned char table[256], const int marks[5])
{
    int c, k, count = 0, held = 0;
    for (k = 0; k < 5 && marks[k] != 0; k++)
        held++;
    for (k = held; k < 5; k++)
        if (marks[k] != 0)
            return 0;
    for (c = 1; c < 256; c++) {
        int listed = 0;
        for (k = 0; k < held; k++)
            listed += marks[k] == c;
        if (listed > 1 || listed != (table[c] != 0))
            return 0;
        count += listed;
    }
    return table[0] == 0 && count == held && held > 0;
}
#define MARKS_AGREE(name) marks_agree(name##_MARK, (const int[5]){name##_MARKS})

PyMODINIT_FUNC
PyInit__native(void)
{
    if (!MARKS_AGREE(SENTENCE_END) || !MARKS_AGREE(GAP) || !MARKS_AGREE(URL_HINT) || !MARKS_AGREE(SIC_HINT) ||
        !MARKS_AGREE(TICKER) || !MARKS_AGREE(LATIN1_QUOTE)) {
        PyErr_SetString(PyExc_SystemError, "newslint._native: a ucs1_skip table and its marks differ");
        return NULL;
    }
    PyObject *mod = PyModule_Create(&module), *once_type, *cached_type;
    if (mod == NULL)
        return NULL;
    for (int c = 0; c < 256; c++)
        WORD_BYTE[c] = IS_WORD((Py_UCS4)c) ? 1 : 0;
    int32s_type = (PyTypeObject *)PyType_FromSpec(&int32s_spec);
    if (int32s_type == NULL || PyModule_AddObject(mod, "Int32s", Py_NewRef((PyObject *)int32s_type)) < 0) {
        Py_XDECREF(int32s_type);
        Py_DECREF(mod);
        return NULL;
    }
    word_counts_type = (PyTypeObject *)PyType_FromSpec(&wc_spec);
    if (word_counts_type == NULL ||
        PyModule_AddObject(mod, "WordCounts", Py_NewRef((PyObject *)word_counts_type)) < 0) {
        Py_XDECREF(word_counts_type);
        Py_DECREF(mod);
        return NULL;
    }
    once_type = PyType_FromSpec(&once_spec);
    if (once_type == NULL || PyModule_AddObject(mod, "Once", once_type) < 0) {
        Py_XDECREF(once_type);
        Py_DECREF(mod);
        return NULL;
    }
    word_table_type = (PyTypeObject *)PyType_FromSpec(&word_table_spec);
    if (word_table_type == NULL ||
        PyModule_AddObject(mod, "WordTable", Py_NewRef((PyObject *)word_table_type)) < 0) {
        Py_XDECREF(word_table_type);
        Py_DECREF(mod);
        return NULL;
    }
    cached_type = PyType_FromSpec(&cached_spec);
    if (cached_type == NULL || PyModule_AddObject(mod, "CachedProperty", cached_type) < 0) {
        Py_XDECREF(cached_type);
        Py_DECREF(mod);
        return NULL;
    }
    return mod;
}
