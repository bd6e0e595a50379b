"""Encrypted backups: what was written comes back, and anything else is refused with a reason."""

import io
import os

import pytest

from backup.encryption import (
    CHUNK_SIZE,
    HEADER_SIZE,
    TAG_SIZE,
    DecryptingReader,
    EncryptingWriter,
    EncryptionError,
)

KEY = "a-test-key-that-is-long-enough-0123456789"
# Two full chunks and a part of a third: the chunk boundaries are what truncation attacks use.
PLAINTEXT = os.urandom(2 * CHUNK_SIZE + 12345)


def encrypt(plaintext, key=KEY):
    output = io.BytesIO()
    writer = EncryptingWriter(output, key)
    for start in range(0, len(plaintext), 10240):  # the size of tar's records
        writer.write(plaintext[start : start + 10240])
    writer.close()
    return output.getvalue()


def decrypt(ciphertext, key=KEY):
    reader = DecryptingReader(io.BytesIO(ciphertext), key)
    data = reader.read()
    reader.read_to_end()
    return data


@pytest.fixture(scope="module")
def ciphertext():
    return encrypt(PLAINTEXT)


def test_encrypted_archive_decrypts_to_what_was_written(ciphertext):
    assert decrypt(ciphertext) == PLAINTEXT
    assert decrypt(encrypt(b"")) == b""
    assert decrypt(encrypt(b"x" * CHUNK_SIZE)) == b"x" * CHUNK_SIZE


def test_encrypted_archive_hides_its_content(ciphertext):
    marker = b"custodian-note-marker"
    sealed = encrypt(PLAINTEXT[:1000] + marker + PLAINTEXT[1000:])
    assert marker not in sealed
    assert PLAINTEXT[:64] not in sealed


def test_each_backup_has_its_own_salt_and_nonces():
    assert encrypt(b"same")[:HEADER_SIZE] != encrypt(b"same")[:HEADER_SIZE]


def test_wrong_key_is_refused_as_wrong_key(ciphertext):
    with pytest.raises(EncryptionError, match="Wrong key"):
        decrypt(ciphertext, key="another-key-that-is-long-enough-987654321")


def test_short_key_is_refused_when_writing():
    with pytest.raises(EncryptionError, match="too short"):
        EncryptingWriter(io.BytesIO(), "short")


@pytest.mark.parametrize(
    "cut",
    [
        pytest.param(HEADER_SIZE + CHUNK_SIZE + TAG_SIZE, id="at-a-chunk-boundary"),
        pytest.param(HEADER_SIZE + CHUNK_SIZE + 1000, id="inside-a-chunk"),
        pytest.param(HEADER_SIZE, id="after-the-header"),
        pytest.param(HEADER_SIZE - 5, id="inside-the-header"),
    ],
)
def test_truncated_archive_is_refused(ciphertext, cut):
    with pytest.raises(EncryptionError, match="truncated"):
        decrypt(ciphertext[:cut])


def test_archive_missing_only_its_last_chunk_is_refused(ciphertext):
    last_chunk_start = HEADER_SIZE + 2 * (CHUNK_SIZE + TAG_SIZE)
    with pytest.raises(EncryptionError, match="truncated"):
        decrypt(ciphertext[:last_chunk_start])


@pytest.mark.parametrize(
    "offset",
    [HEADER_SIZE + 10, HEADER_SIZE + CHUNK_SIZE + TAG_SIZE + 5, -1],
    ids=["first-chunk", "middle-chunk", "last-byte"],
)
def test_altered_archive_is_refused(ciphertext, offset):
    altered = bytearray(ciphertext)
    altered[offset] ^= 0x01
    with pytest.raises(EncryptionError, match="damaged"):
        decrypt(bytes(altered))


def test_altered_header_is_refused(ciphertext):
    altered = bytearray(ciphertext)
    altered[HEADER_SIZE - 40] ^= 0x01  # in the nonce prefix, covered by the key check
    with pytest.raises(EncryptionError):
        decrypt(bytes(altered))


def test_reordered_chunks_are_refused(ciphertext):
    size = CHUNK_SIZE + TAG_SIZE
    first, second = (
        ciphertext[HEADER_SIZE + i * size : HEADER_SIZE + (i + 1) * size] for i in (0, 1)
    )
    swapped = ciphertext[:HEADER_SIZE] + second + first + ciphertext[HEADER_SIZE + 2 * size :]
    with pytest.raises(EncryptionError, match="damaged or was altered"):
        decrypt(swapped)
