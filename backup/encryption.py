"""Backups encrypted at rest (they hold signed consent forms and custodian notes).

AES-256-GCM over chunks of one MiB (the STREAM construction), so that an archive of any size is
encrypted and checked with constant memory, and any change, truncation, reordering or splice is
detected. The key is derived from `BACKUP_ENCRYPTION_KEY` with scrypt and a random salt.

Layout: a header (MAGIC, version, salt, nonce prefix, then an HMAC of those, which tells a wrong
key apart from a damaged archive), then the chunks: every chunk but the last holds exactly
CHUNK_SIZE bytes of plaintext; each is sealed with the nonce prefix, its number and a last-chunk
flag as nonce and the header as associated data.
"""

import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAGIC = b"CMS-BACKUP-AES256GCM"
VERSION = 1
SALT_SIZE = 16
NONCE_PREFIX_SIZE = 7
CHECK_SIZE = 32
HEADER_SIZE = len(MAGIC) + 1 + SALT_SIZE + NONCE_PREFIX_SIZE + CHECK_SIZE
CHUNK_SIZE = 1024 * 1024
TAG_SIZE = 16
MAX_CHUNKS = 2**32
MIN_KEY_LENGTH = 32


class EncryptionError(Exception):
    """The archive cannot be decrypted; the message says why."""


def is_encrypted(first_bytes):
    return first_bytes.startswith(MAGIC)


def check_key(key):
    if len(key) < MIN_KEY_LENGTH:
        raise EncryptionError(
            f"BACKUP_ENCRYPTION_KEY is too short ({len(key)} characters; at least "
            f"{MIN_KEY_LENGTH}): make one with `openssl rand -base64 32`."
        )


def _derive_keys(key, salt):
    # scrypt makes each guess at a passphrase cost 32 MiB and tens of milliseconds.
    material = Scrypt(salt=salt, length=64, n=2**15, r=8, p=1).derive(key.encode())
    return material[:32], material[32:]


def _nonce(prefix, counter, last):
    if counter >= MAX_CHUNKS:
        raise EncryptionError("The archive is too large to encrypt (more than 4 PiB).")
    return prefix + counter.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def _read_exactly(stream, size):
    data = bytearray()
    while len(data) < size:
        block = stream.read(size - len(data))
        if not block:
            break
        data += block
    return bytes(data)


class EncryptingWriter:
    """A file-like object that encrypts what is written to it into `output`; `close()` seals the
    last chunk (without it the archive reads as truncated) but leaves `output` open."""

    def __init__(self, output, key):
        check_key(key)
        salt, self._prefix = os.urandom(SALT_SIZE), os.urandom(NONCE_PREFIX_SIZE)
        cipher_key, check_key_bytes = _derive_keys(key, salt)
        head = MAGIC + bytes([VERSION]) + salt + self._prefix
        self._header = head + hmac.new(check_key_bytes, head, hashlib.sha256).digest()
        self._cipher = AESGCM(cipher_key)
        self._output = output
        self._buffer = bytearray()
        self._counter = 0
        output.write(self._header)

    def write(self, data):
        self._buffer += data
        # Strictly more than a chunk: the last chunk is sealed by close(), never here.
        while len(self._buffer) > CHUNK_SIZE:
            self._seal(bytes(self._buffer[:CHUNK_SIZE]), last=False)
            del self._buffer[:CHUNK_SIZE]
        return len(data)

    def close(self):
        self._seal(bytes(self._buffer), last=True)
        self._buffer.clear()

    def _seal(self, plaintext, last):
        nonce = _nonce(self._prefix, self._counter, last)
        self._output.write(self._cipher.encrypt(nonce, plaintext, self._header))
        self._counter += 1


class DecryptingReader:
    """A file-like object that reads the plaintext of an encrypted archive, refusing any chunk
    that fails authentication. Read to the end (`read_to_end()`) to know the archive is whole."""

    def __init__(self, source, key):
        self._source = source
        header = _read_exactly(source, HEADER_SIZE)
        if len(header) < HEADER_SIZE or not is_encrypted(header):
            raise EncryptionError("The archive is truncated: its encryption header is incomplete.")
        if header[len(MAGIC)] != VERSION:
            raise EncryptionError(
                f"The archive uses encryption format {header[len(MAGIC)]}, which this version of "
                "the site does not know."
            )
        salt_end = len(MAGIC) + 1 + SALT_SIZE
        salt, self._prefix = header[len(MAGIC) + 1 : salt_end], header[salt_end:-CHECK_SIZE]
        cipher_key, check_key_bytes = _derive_keys(key, salt)
        expected = hmac.new(check_key_bytes, header[:-CHECK_SIZE], hashlib.sha256).digest()
        if not hmac.compare_digest(expected, header[-CHECK_SIZE:]):
            raise EncryptionError(
                "Wrong key: BACKUP_ENCRYPTION_KEY is not the key this backup was made with (or "
                "the archive's header is damaged)."
            )
        self._header = header
        self._cipher = AESGCM(cipher_key)
        self._counter = 0
        self._plaintext = bytearray()
        self._next_block = _read_exactly(source, CHUNK_SIZE + TAG_SIZE)
        self._finished = False

    def read(self, size=-1):
        while not self._finished and (size < 0 or len(self._plaintext) < size):
            self._open_next_chunk()
        size = len(self._plaintext) if size < 0 else min(size, len(self._plaintext))
        data = bytes(self._plaintext[:size])
        del self._plaintext[:size]
        return data

    def read_to_end(self):
        """Authenticate the rest of the archive, discarding its plaintext."""
        while self.read(CHUNK_SIZE):
            pass

    def _open_next_chunk(self):
        block = self._next_block
        self._next_block = _read_exactly(self._source, CHUNK_SIZE + TAG_SIZE)
        last = not self._next_block
        try:
            self._plaintext += self._cipher.decrypt(
                _nonce(self._prefix, self._counter, last), block, self._header
            )
        except InvalidTag:
            raise EncryptionError(self._why_refused(block, last)) from None
        self._counter += 1
        self._finished = last

    def _why_refused(self, block, last):
        offset = HEADER_SIZE + self._counter * (CHUNK_SIZE + TAG_SIZE)
        if last:
            try:
                self._cipher.decrypt(
                    _nonce(self._prefix, self._counter, False), block, self._header
                )
            except InvalidTag:
                pass
            else:
                return f"The archive is truncated: it stops at byte {offset + len(block)}."
            return f"The archive is damaged, altered or truncated (after byte {offset}): refused."
        return f"The archive is damaged or was altered (at byte {offset}): refused."
