package report

import (
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/provenance"
)

// This file holds the SARIF 2.1.0 objects bangate writes, in the order
// and with the names the OASIS schema gives them.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Artifacts   []sarifArtifact   `json:"artifacts,omitempty"`
	// ColumnKind says how startColumn counts: bangate counts Unicode code
	// points (sbom.Position).
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
	Properties sarifRunProps `json:"properties"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string            `json:"name"`
	Version         string            `json:"version,omitempty"`
	SemanticVersion string            `json:"semanticVersion,omitempty"`
	Rules           []sarifRule       `json:"rules"`
	Properties      *sarifDriverProps `json:"properties,omitempty"`
}

type sarifDriverProps struct {
	Commit        string `json:"commit,omitempty"`
	OPAVersion    string `json:"opaVersion,omitempty"`
	BundleVersion string `json:"bundleVersion,omitempty"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 sarifHelp          `json:"help"`
	HelpURI              string             `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifRuleProps     `json:"properties"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags             []string `json:"tags"`
	SecuritySeverity string   `json:"security-severity"`
	Severity         string   `json:"severity"`
	PolicyRule       string   `json:"policyRule,omitempty"`
	Citation         string   `json:"citation,omitempty"`
	Effective        string   `json:"effective,omitempty"`
	Obligation       string   `json:"obligation,omitempty"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	Properties          sarifResultProps   `json:"properties"`
}

type sarifResultProps struct {
	Finding   string              `json:"finding"`
	Severity  string              `json:"severity"`
	Input     string              `json:"input"`
	Pointer   string              `json:"pointer,omitempty"`
	Subject   decision.Subject    `json:"subject"`
	Match     map[string]any      `json:"match,omitempty"`
	Authority *decision.Authority `json:"authority,omitempty"`
	Waiver    map[string]any      `json:"waiver,omitempty"`
	Truncated bool                `json:"messageTruncated,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation  `json:"physicalLocation"`
	LogicalLocations []sarifLogicalLocation `json:"logicalLocations,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI   string `json:"uri"`
	Index int    `json:"index"`
}

// sarifRegion is the line and column of the finding's field in the input,
// as the check placed it; a finding the check could not place (one about
// the document as a whole) is on line 1, as code scanning needs a
// startLine to show an alert. The pointer is in the result's properties
// and logicalLocations.
type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

type sarifLogicalLocation struct {
	Name               string `json:"name,omitempty"`
	FullyQualifiedName string `json:"fullyQualifiedName"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Status        string `json:"status"`
	Justification string `json:"justification,omitempty"`
}

type sarifArtifact struct {
	Location sarifArtifactURI  `json:"location"`
	Hashes   map[string]string `json:"hashes,omitempty"`
}

type sarifArtifactURI struct {
	URI string `json:"uri"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                 `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification  `json:"toolExecutionNotifications,omitempty"`
	Properties                 sarifInvocationProps `json:"properties"`
}

// sarifInvocationProps say what besides the inputs shaped the invocation:
// the configuration and user policy files read (decision.Run.Sources) and
// the findings waived under a sanctions licence.
type sarifInvocationProps struct {
	Sources  decision.Sources    `json:"sources"`
	Licensed []decision.Licensed `json:"licensed,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifRunProps struct {
	AsOf string `json:"asOf"`
	// Errors are the run's own errors (decision.Run.Errors), also given
	// as error notifications of the invocation.
	Errors        []string          `json:"errors,omitempty"`
	Profile       string            `json:"profile,omitempty"`
	Outcome       string            `json:"outcome"`
	ExitCode      int               `json:"exitCode"`
	OPAVersion    string            `json:"opaVersion,omitempty"`
	BundleVersion string            `json:"bundleVersion,omitempty"`
	Lists         []provenance.List `json:"lists"`
	Truncation    *sarifTruncation  `json:"truncation,omitempty"`
}

// sarifTruncation records what the limits cut.
type sarifTruncation struct {
	MaxResults        int `json:"maxResults"`
	TotalResults      int `json:"totalResults"`
	DroppedResults    int `json:"droppedResults"`
	MaxMessageBytes   int `json:"maxMessageBytes"`
	TruncatedMessages int `json:"truncatedMessages"`
}
