/* newslint._native: the compiled twins of three pure-Python loops that run for every word of
 * every story. newslint/native.py chooses this module when it imports and the pure-Python code
 * otherwise (no compiler at install time, or NEWSLINT_PURE_PYTHON=1); both give the same answers
 * (tests/test_native.py, and over the dev corpora in its slow test).
 *
 * - scan_words(text, starts, ends, counts): the tokens of text[start:end] for each range, as
 *   newslint.tokens.TOKEN.findall finds them, counted into the dict `counts` in text order;
 * - near_words(typo, words): the words that are not the typo and at most two edits from it
 *   (optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps);
 * - select_bits(keys, memory, tested, passed): LetterTest.select's walk over a story's words:
 *   (the set of keys whose bits in `memory` say tested and passed, the list of those untested).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* The character classes of Python's re module for str patterns (Modules/_sre/sre.c):
 * \w is alphanumeric or '_', \d is a decimal digit, [^\W\d_] a \w that is neither. */
#define IS_WORD(ch) (Py_UNICODE_ISALNUM(ch) || (ch) == '_')
#define IS_DIGIT(ch) Py_UNICODE_ISDECIMAL(ch)
#define IS_LETTER(ch) (IS_WORD(ch) && !IS_DIGIT(ch) && (ch) != '_')

/* The end of the token that starts at `p` (text[p] is \w), reading no further than `end`:
 * TOKEN = \w(?:(?<=[^\W\d_])\.(?:[^\W\d_]\.)+|(?<=\d)\d*(?:[.,:]\d+)+|\w*+(?:['’\-]\w++)*+)
 * Each alternative's loops are greedy and the first that matches wins, as in the regex. */
static Py_ssize_t
token_end(int kind, const void *data, Py_ssize_t p, Py_ssize_t end)
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
        j = p + 1;
        while (j < end && IS_DIGIT(PyUnicode_READ(kind, data, j)))
            j++;
        for (;;) {
            Py_UCS4 sep;
            if (j + 1 >= end)
                break;
            sep = PyUnicode_READ(kind, data, j);
            if (!(sep == '.' || sep == ',' || sep == ':') || !IS_DIGIT(PyUnicode_READ(kind, data, j + 1)))
                break;
            j += 2;
            while (j < end && IS_DIGIT(PyUnicode_READ(kind, data, j)))
                j++;
            groups++;
        }
        if (groups)
            return j;
    }
    j = p + 1; /* regime's, al-Qaeda */
    while (j < end && IS_WORD(PyUnicode_READ(kind, data, j)))
        j++;
    for (;;) {
        Py_UCS4 sep;
        if (j + 1 >= end)
            break;
        sep = PyUnicode_READ(kind, data, j);
        if (!(sep == '\'' || sep == 0x2019 || sep == '-') || !IS_WORD(PyUnicode_READ(kind, data, j + 1)))
            break;
        j += 2;
        while (j < end && IS_WORD(PyUnicode_READ(kind, data, j)))
            j++;
    }
    return j;
}

static int
count_range(PyObject *text, Py_ssize_t start, Py_ssize_t end, PyObject *counts)
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
        PyObject *word, *old, *new;
        if (!IS_WORD(PyUnicode_READ(kind, data, p))) {
            p++;
            continue;
        }
        e = token_end(kind, data, p, end);
        word = PyUnicode_Substring(text, p, e);
        if (word == NULL)
            return -1;
        old = PyDict_GetItemWithError(counts, word); /* borrowed */
        if (old == NULL && PyErr_Occurred()) {
            Py_DECREF(word);
            return -1;
        }
        new = PyLong_FromSsize_t(old == NULL ? 1 : PyLong_AsSsize_t(old) + 1);
        if (new == NULL || PyErr_Occurred() || PyDict_SetItem(counts, word, new) < 0) {
            Py_XDECREF(new);
            Py_DECREF(word);
            return -1;
        }
        Py_DECREF(new);
        Py_DECREF(word);
        p = e;
    }
    return 0;
}

static PyObject *
scan_words(PyObject *self, PyObject *args)
{
    PyObject *text, *starts, *ends, *counts;
    Py_ssize_t i, size;
    if (!PyArg_ParseTuple(args, "UO!O!O!:scan_words", &text, &PyList_Type, &starts, &PyList_Type, &ends,
                          &PyDict_Type, &counts))
        return NULL;
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
        if (count_range(text, start, end, counts) < 0)
            return NULL;
    }
    Py_RETURN_NONE;
}

/* Optimal string alignment distance of a and b is at most 2: the common opening and ending
 * stripped, the distances capped at 3 in a band of two cells either side of the diagonal. */
#define CAP 3
#define SMALL 64

static int
within_two(int ka, const void *da, Py_ssize_t n, int kb, const void *db, Py_ssize_t m, int *work)
{
    Py_ssize_t lo = 0, i, j, off_a, off_b;
    int *prev2, *prev, *cur, *t;
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
    for (j = 0; j <= m; j++) {
        prev[j] = j < CAP ? (int)j : CAP;
        prev2[j] = CAP;
    }
    for (i = 1; i <= n; i++) {
        int low, prev_low = CAP;
        Py_ssize_t from = i - 2 > 1 ? i - 2 : 1, to = i + 2 < m ? i + 2 : m;
        Py_UCS4 ai = A(i - 1);
        for (j = 0; j <= m; j++) {
            cur[j] = CAP;
            if (prev[j] < prev_low)
                prev_low = prev[j];
        }
        if (i < CAP)
            cur[0] = (int)i;
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
        t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
#undef A
#undef B
    return prev[m] <= 2;
}

/* The letters of a word as 64 bits, a letter's bit chosen by its code point. Each edit adds or
 * removes at most two letters of the word's set, so two words two edits apart differ in at most
 * four bits (letters that share a bit only make the count smaller): a word that differs in more
 * is rejected before the distance is computed. */
static unsigned long long
letter_mask(int kind, const void *data, Py_ssize_t n)
{
    unsigned long long mask = 0;
    Py_ssize_t i;
    for (i = 0; i < n; i++)
        mask |= 1ULL << (PyUnicode_READ(kind, data, i) % 64);
    return mask;
}

static int
popcount64(unsigned long long x)
{
    int count = 0;
    while (x) {
        x &= x - 1;
        count++;
    }
    return count;
}

static PyObject *
near_words(PyObject *self, PyObject *args)
{
    PyObject *typo, *words, *iter, *item, *out;
    int ka, small[3 * (SMALL + 1)];
    unsigned long long typo_mask;
    const void *da;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "UO:near_words", &typo, &words))
        return NULL;
    ka = PyUnicode_KIND(typo);
    da = PyUnicode_DATA(typo);
    n = PyUnicode_GET_LENGTH(typo);
    typo_mask = letter_mask(ka, da, n);
    out = PyList_New(0);
    if (out == NULL)
        return NULL;
    iter = PyObject_GetIter(words);
    if (iter == NULL) {
        Py_DECREF(out);
        return NULL;
    }
    while ((item = PyIter_Next(iter)) != NULL) {
        Py_ssize_t m;
        int near, *work = small;
        if (!PyUnicode_Check(item)) {
            PyErr_SetString(PyExc_TypeError, "near_words: the words must be str");
            goto fail;
        }
        m = PyUnicode_GET_LENGTH(item);
        if (m - n > 2 || n - m > 2 ||
            popcount64(typo_mask ^ letter_mask(PyUnicode_KIND(item), PyUnicode_DATA(item), m)) > 4) {
            Py_DECREF(item);
            continue;
        }
        if (m > SMALL) {
            work = PyMem_Malloc(3 * (m + 1) * sizeof(int));
            if (work == NULL) {
                PyErr_NoMemory();
                goto fail;
            }
        }
        near = within_two(ka, da, n, PyUnicode_KIND(item), PyUnicode_DATA(item), m, work);
        if (work != small)
            PyMem_Free(work);
        /* not the typo itself (distance 0) */
        if (near && !(m == n && PyUnicode_Compare(item, typo) == 0) && PyList_Append(out, item) < 0)
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

static PyObject *
select_bits(PyObject *self, PyObject *args)
{
    PyObject *keys, *memory, *tested, *passed, *iter, *item, *found = NULL, *new = NULL;
    long long tested_mask, passed_mask = 0;
    int overflow = 0, small_masks = 0;
    if (!PyArg_ParseTuple(args, "OO!OO:select_bits", &keys, &PyDict_Type, &memory, &tested, &passed))
        return NULL;
    tested_mask = PyLong_Check(tested) ? PyLong_AsLongLongAndOverflow(tested, &overflow) : -1;
    if (!PyErr_Occurred() && !overflow && tested_mask > 0) {
        passed_mask = PyLong_Check(passed) ? PyLong_AsLongLongAndOverflow(passed, &overflow) : -1;
        small_masks = !PyErr_Occurred() && !overflow && passed_mask > 0;
    }
    PyErr_Clear();
    found = PySet_New(NULL);
    new = PyList_New(0);
    iter = PyObject_GetIter(keys);
    if (found == NULL || new == NULL || iter == NULL)
        goto fail;
    while ((item = PyIter_Next(iter)) != NULL) {
        PyObject *bits = PyDict_GetItemWithError(memory, item), *got; /* borrowed */
        int is_tested, is_passed, err;
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
                err = value & tested_mask ? (value & passed_mask ? PySet_Add(found, item) : 0)
                                          : PyList_Append(new, item);
                Py_DECREF(item);
                if (err < 0)
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
    Py_DECREF(iter);
    return Py_BuildValue("(NN)", found, new);
fail:
    Py_XDECREF(found);
    Py_XDECREF(new);
    Py_XDECREF(iter);
    return NULL;
}

static PyMethodDef methods[] = {
    {"scan_words", scan_words, METH_VARARGS,
     "scan_words(text, starts, ends, counts): count the tokens of each range into counts."},
    {"near_words", near_words, METH_VARARGS,
     "near_words(typo, words): the words other than typo at most two edits from it, in order."},
    {"select_bits", select_bits, METH_VARARGS,
     "select_bits(keys, memory, tested, passed): (keys tested and passed, keys untested)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "newslint._native",
                                    "Compiled twins of newslint's hottest loops (see newslint.native).", -1,
                                    methods};

PyMODINIT_FUNC
PyInit__native(void)
{
    return PyModule_Create(&module);
}
