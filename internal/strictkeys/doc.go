// Package strictkeys rejects documents whose keys different readers would
// read differently.
//
// encoding/json (v1), viper and mapstructure match object keys without
// regard to letter case, and when two keys match the same field the last
// one wins. Python, jq and the CycloneDX and SPDX validators match keys
// exactly. A document that holds "components" and "COMPONENTS", or
// "supplier" and "ſupplier" (U+017F), therefore means one thing to them
// and another to a Go reader, and an author can hide a banned party from
// one of them. CheckJSON and CheckYAML find, at any depth and whatever the
// top-level shape, every object (mapping) that holds a key twice or two
// keys that are equal up to case folding, and report the first such pair
// as a *KeyError naming the key, the RFC 6901 pointer of the object and
// the line and column of the key.
//
// Two keys collide when either of two foldings makes them equal:
//   - Unicode simple case folding, which encoding/json (v1) matches member
//     names to struct fields with, as do strings.EqualFold and
//     mapstructure: ASCII letters fold to upper case, U+017F ſ to S,
//     U+212A K (Kelvin sign) to K, ς to Σ;
//   - lower-casing then upper-casing each rune, which relates every pair
//     strings.ToLower makes equal (viper lower-cases every key), and also
//     U+0130 İ and U+0131 ı to I.
package strictkeys
