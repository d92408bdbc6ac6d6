// The machine's ceiling for one server process: bare node:http answering "ok".
import http from "node:http";

http.createServer((_req, res) => res.end("ok")).listen(Number(process.env.PORT), process.env.HOST ?? "127.0.0.1");
