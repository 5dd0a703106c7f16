/* Persian search keys, exactly as the desktop program makes them (domain/persian.py):
   Arabic letter forms folded to Persian (ي→ی, ك→ک …), diacritics and tatweel dropped,
   Persian and Arabic digits to ASCII, ZWNJ and other invisible marks removed (so «می‌خواهم»
   and «میخواهم» meet), punctuation to spaces, Latin case folded, spaces collapsed. */
(function () {
  "use strict";
  var LETTERS = {
    "\u064a": "\u06cc", "\u0649": "\u06cc", "\u0626": "\u06cc", "\u0643": "\u06a9",
    "\u0629": "\u0647", "\u06c0": "\u0647", "\u0623": "\u0627", "\u0625": "\u0627",
    "\u0622": "\u0627", "\u0671": "\u0627", "\u0624": "\u0648", "\u0640": ""
  };
  var LETTER_RE = /[\u064a\u0649\u0626\u0643\u0629\u06c0\u0623\u0625\u0622\u0671\u0624\u0640]/g;
  var DIACRITICS = /[\u064b-\u065f\u0670\u06d6-\u06ed]/g;
  var DIGITS = /[\u06f0-\u06f9\u0660-\u0669]/g;
  var INVISIBLES = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u00ad\ufeff]/g;
  var PUNCT = /[\u060c\u061b\u061f\u066a-\u066c.,;:!?()\[\]{}\u00ab\u00bb"'\/\\\-_\u2013\u2014]+/g;
  var SPACES = /[\s\x1c-\x1f\x85]+/g;
  var CASE = { "\u00df": "ss", "\u1e9e": "ss", "\u03c2": "\u03c3" };
  var AFFIX_MAX = 3;

  function digit(ch) {
    var code = ch.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  }

  function searchKey(text) {
    if (!text) { return ""; }
    text = String(text).normalize("NFKC");
    text = text.replace(DIACRITICS, "");
    text = text.replace(LETTER_RE, function (ch) { return LETTERS[ch]; });
    text = text.replace(DIGITS, digit);
    text = text.replace(INVISIBLES, "");
    text = text.replace(PUNCT, " ");
    text = text.toLowerCase().replace(/[\u00df\u1e9e\u03c2]/g, function (ch) { return CASE[ch]; });
    return text.replace(SPACES, " ").trim();
  }

  function searchTerms(text) {
    return searchKey(text).split(" ").filter(function (t) { return t.length > 0; });
  }

  function length(word) { return Array.from(word).length; }

  /* The text a record is found by: its words, plus short affixes joined to their word. */
  function indexText(texts) {
    var words = searchKey(texts.filter(function (t) { return t; }).join("\n"))
      .split(" ").filter(function (w) { return w.length > 0; });
    var extra = [];
    for (var i = 0; i + 1 < words.length; i++) {
      if (length(words[i]) <= AFFIX_MAX || length(words[i + 1]) <= AFFIX_MAX) {
        extra.push(words[i] + words[i + 1]);
      }
    }
    return words.concat(extra).join(" ");
  }

  function persianDigits(text) {
    return String(text).replace(/[0-9]/g, function (d) { return "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"[+d]; });
  }

  window.GovsvcFold = {
    searchKey: searchKey, searchTerms: searchTerms, indexText: indexText,
    persianDigits: persianDigits
  };
})();
