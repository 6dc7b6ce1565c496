package io.zonepay.service.liveness;

import java.io.IOException;

/** Where one watcher's lines go: its response. */
interface LineSink {

	/** Writes and flushes a line; fails when the watcher is gone. */
	void send(String line) throws IOException;

	/** Ends the stream as a complete answer: the watcher opens another. */
	void end();

}
