"""schemathesis hooks for scripts/schemathesis.sh: a pushed batch is the raw bytes of an archive
(`application/zip` or `application/gzip`, schema: a binary string), sent as they are."""
import schemathesis

schemathesis.serializer.alias(["application/zip", "application/gzip"], "application/octet-stream")
