/** One way to consume a poll of a batch binding: decode, apply together, name the record at fault, recover it, back off by pausing the container. */
package io.sitrep.support.consumer;
