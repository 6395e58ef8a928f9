// Package yamlversion lets the YAML library read what YAML 1.2 readers
// read: the library (go.yaml.in/yaml/v3) refuses a "%YAML 1.2" directive,
// though it reads plain scalars as YAML 1.2 does, so a document that
// declares 1.2 (or a later 1.x) is read as if it declared 1.1.
package yamlversion
