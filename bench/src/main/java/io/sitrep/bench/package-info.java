/**
 * The performance harness: it starts Sitrep the way local-stack does, drives it over its public APIs with
 * an open-loop load generator, receives webhooks and mail on receivers of its own, and reports what it
 * measured against the targets. Every latency is taken from timestamps the harness writes into the
 * messages it sends and reads back where they arrive, against the moment each message was meant to be
 * sent, so a slow system cannot hide its queueing by slowing the generator down.
 */
package io.sitrep.bench;
