// Package textnorm is the one normaliser of bangate: every matcher
// (sanctions lists and ban lists alike) and every attribution path folds
// names, domains and e-mail addresses through it, so that a party is seen
// the same way wherever it is named.
//
// Names (Fold, FoldName, Latin, Key):
//   - NFKC, so full-width and mathematical letters, ligatures and the like
//     become their plain letters;
//   - default-ignorable code points (U+200B..U+200F, U+2060..U+206F, U+FEFF,
//     variation selectors, the Hangul fillers U+115F, U+1160, U+3164, U+FFA0,
//     tag characters, the soft hyphen), the Braille blank U+2800, and control
//     characters (C0 and C1 controls, DEL, NEL U+0085, U+2028, U+2029) are
//     removed without a trace: they never split a word, so "Kasp\u2800ersky"
//     is "kaspersky". Tab, line feed, carriage return, vertical tab and form
//     feed are spaces;
//   - diacritics are removed ("Nicolás" → "nicolas");
//   - a word written in Latin letters with lookalike letters of another
//     script (Unicode Technical Standard #39 confusables) takes the Latin
//     letters: "Kaspersky" with a Cyrillic "р" is "kaspersky"; and a word
//     written mostly in Cyrillic or Greek letters, with Latin letters
//     typed for the script's letters they look like, takes the script's:
//     "Iван" with a Latin "I" is "ivan", as a reader sees it;
//   - words of other scripts are transliterated to Latin, each with a named
//     Scheme: Cyrillic, Greek, Arabic and Persian, Hebrew, Han, Hangul, kana,
//     Georgian, Armenian, Thai, Devanagari, Bengali, the other Brahmic
//     scripts laid out as Devanagari (Gurmukhi, Gujarati, Oriya, Tamil,
//     Telugu, Kannada, Malayalam), Myanmar, and every other script AnyAscii
//     covers; KoreanName and HanjaName read a Korean name written in
//     Hangul or in Han characters (Unihan's kHangul readings) as the lists
//     write North Korean names;
//   - case is folded and punctuation and white space become single spaces.
//
// Domains and e-mail addresses (Domain, EmailDomain, Email,
// RegistrableDomain): lower case, IDNA to ASCII (UTS #46 lookup mapping),
// scheme, user information, port and path removed, a trailing dot and a
// leading "www." or "*." removed, every label checked.
//
// The package holds no mutable state: its tables are built once, on first
// use, and never written again. Every function is safe for concurrent use.
package textnorm
