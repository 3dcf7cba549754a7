/* The word-counting rule of core/wordcount.py, for live counters; both must agree. */
(function (root) {
  "use strict";
  var TAG = /<[^>]*>/g;
  var CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
  var WORD = /[\p{L}\p{M}\p{N}]+(?:(?:['\u2019\-\u2010]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;

  function decodeEntities(text) {
    // Tags are already gone, so the parser only decodes character references.
    var doc = new DOMParser().parseFromString("<!doctype html><body><textarea>" +
      text.replace(/</g, "&lt;") + "</textarea>", "text/html");
    return doc.querySelector("textarea").value;
  }

  function plainText(text) {
    return decodeEntities((text || "").replace(TAG, " "));
  }

  function countWords(text) {
    var plain = plainText(text);
    var cjk = (plain.match(CJK) || []).length;
    var words = (plain.replace(CJK, " ").match(WORD) || []).length;
    return cjk + words;
  }

  root.gcmWordCount = { countWords: countWords, plainText: plainText };
})(window);
