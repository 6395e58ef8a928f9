package evidence

import (
	"context"
	"crypto"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"os"

	"github.com/secure-systems-lab/go-securesystemslib/dsse"
)

// PEM block types of the key files: PKCS #8 and PKIX, as openssl and
// cosign write them.
const (
	pemPrivate = "PRIVATE KEY"
	pemPublic  = "PUBLIC KEY"
)

// GenerateKey returns a new Ed25519 key pair as PEM: the private key
// (PKCS #8) and the public key (PKIX).
func GenerateKey() (privPEM, pubPEM []byte, err error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, nil, fmt.Errorf("generate key: %w", err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return nil, nil, fmt.Errorf("encode private key: %w", err)
	}
	pder, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return nil, nil, fmt.Errorf("encode public key: %w", err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: pemPrivate, Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: pemPublic, Bytes: pder}), nil
}

// WriteKeyPair generates a key pair and writes the private key to privPath
// (mode 0600) and the public key to pubPath (mode 0644). It refuses to
// overwrite either file.
func WriteKeyPair(privPath, pubPath string) error {
	priv, pub, err := GenerateKey()
	if err != nil {
		return err
	}
	for _, p := range []string{privPath, pubPath} {
		if _, err := os.Lstat(p); err == nil {
			return fmt.Errorf("write key %s: file exists", p)
		}
	}
	if err := writeNew(privPath, priv, 0o600); err != nil {
		return err
	}
	if err := writeNew(pubPath, pub, 0o644); err != nil {
		_ = os.Remove(privPath)
		return err
	}
	return nil
}

// writeNew creates path exclusively with mode and writes data.
func writeNew(path string, data []byte, mode os.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return fmt.Errorf("write key %s: %w", path, unwrapPath(err))
	}
	if _, err := f.Write(data); err != nil {
		_ = f.Close()
		return fmt.Errorf("write key %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write key %s: %w", path, err)
	}
	return nil
}

// Signer signs envelopes with an Ed25519 private key; it implements
// dsse.Signer. The key never appears in an error or a record.
type Signer struct {
	key   ed25519.PrivateKey
	keyID string
}

var _ dsse.Signer = (*Signer)(nil)

// ParsePrivateKey reads a PEM PKCS #8 Ed25519 private key; name is used in
// messages (never the key bytes).
func ParsePrivateKey(data []byte, name string) (*Signer, error) {
	block, _ := pem.Decode(data)
	if block == nil || block.Type != pemPrivate {
		return nil, fmt.Errorf("read sign key %s: %w: want a PEM %q block", name, ErrMalformed, pemPrivate)
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("read sign key %s: %w: not a PKCS #8 key", name, ErrMalformed)
	}
	priv, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("read sign key %s: %w (%T)", name, ErrKeyType, k)
	}
	id, err := dsse.SHA256KeyID(priv.Public())
	if err != nil {
		return nil, fmt.Errorf("read sign key %s: %w", name, err)
	}
	return &Signer{key: priv, keyID: id}, nil
}

// LoadPrivateKey reads the private key file at path.
func LoadPrivateKey(path string) (*Signer, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read sign key %s: %w", path, unwrapPath(err))
	}
	return ParsePrivateKey(b, path)
}

// Sign implements dsse.Signer.
func (s *Signer) Sign(_ context.Context, data []byte) ([]byte, error) {
	return ed25519.Sign(s.key, data), nil
}

// KeyID implements dsse.Signer: the SHA256 fingerprint of the public key.
func (s *Signer) KeyID() (string, error) { return s.keyID, nil }

// Verifier checks envelope signatures with an Ed25519 public key; it
// implements dsse.Verifier.
type Verifier struct {
	key   ed25519.PublicKey
	keyID string
}

var _ dsse.Verifier = (*Verifier)(nil)

// ParsePublicKey reads a PEM PKIX Ed25519 public key; a key of another
// type is ErrKeyType.
func ParsePublicKey(data []byte, name string) (*Verifier, error) {
	block, _ := pem.Decode(data)
	if block == nil {
		return nil, fmt.Errorf("read key %s: %w: no PEM block", name, ErrMalformed)
	}
	if block.Type != pemPublic {
		if block.Type == pemPrivate {
			return nil, fmt.Errorf("read key %s: this is a private key; give the public key", name)
		}
		return nil, fmt.Errorf("read key %s: %w: PEM block %q, want %q", name, ErrKeyType, block.Type, pemPublic)
	}
	k, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("read key %s: %w: not a PKIX public key", name, ErrMalformed)
	}
	pub, ok := k.(ed25519.PublicKey)
	if !ok {
		return nil, fmt.Errorf("read key %s: %w (%T)", name, ErrKeyType, k)
	}
	id, err := dsse.SHA256KeyID(pub)
	if err != nil {
		return nil, fmt.Errorf("read key %s: %w", name, err)
	}
	return &Verifier{key: pub, keyID: id}, nil
}

// LoadPublicKey reads the public key file at path.
func LoadPublicKey(path string) (*Verifier, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read key %s: %w", path, unwrapPath(err))
	}
	return ParsePublicKey(b, path)
}

// Verify implements dsse.Verifier.
func (v *Verifier) Verify(_ context.Context, data, sig []byte) error {
	if !ed25519.Verify(v.key, data, sig) {
		return errors.New("ed25519 signature does not verify")
	}
	return nil
}

// KeyID implements dsse.Verifier.
func (v *Verifier) KeyID() (string, error) { return v.keyID, nil }

// Public implements dsse.Verifier.
func (v *Verifier) Public() crypto.PublicKey { return v.key }

// unwrapPath drops the *PathError wrapper, whose text repeats the path.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
