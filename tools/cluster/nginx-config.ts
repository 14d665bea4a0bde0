// The load balancer of `npm run cluster`: Debian's nginx, run by us in the
// foreground with every file it writes under one temporary directory.

export interface NginxSite {
  /** Loopback port nginx listens on: the port of ROOT_DOMAIN. */
  port: number;
  /** Loopback ports of the app instances. */
  instancePorts: number[];
  /** Directory for nginx's pid and temporary files. */
  prefix: string;
  /** True when nginx starts as root: its workers must then be told to stay root to read `prefix`. */
  asRoot: boolean;
}

export function nginxConfig(site: NginxSite): string {
  const servers = site.instancePorts.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=2s;`).join('\n');
  return `# Written by tools/cluster/nginx-config.ts; lives only as long as the cluster.
daemon off;
${site.asRoot ? 'user root;\n' : ''}worker_processes 1;
pid ${site.prefix}/nginx.pid;
error_log stderr warn;

events {
  worker_connections 1024;
}

http {
  access_log off;
  client_body_temp_path ${site.prefix}/client_body;
  proxy_temp_path ${site.prefix}/proxy;
  fastcgi_temp_path ${site.prefix}/fastcgi;
  uwsgi_temp_path ${site.prefix}/uwsgi;
  scgi_temp_path ${site.prefix}/scgi;
  # Above the SCIM handler's 1 MiB limit, so that the app answers an oversize body with its SCIM 413.
  client_max_body_size 2m;

  upstream orgwiki {
${servers}
    # Reused connections to the instances: no TCP handshake per request. Idle ones close
    # before the app's keep-alive timeout (65 s, lib/server/main.ts), never after it.
    keepalive 32;
    keepalive_timeout 60s;
  }

  server {
    listen 127.0.0.1:${site.port};

    location / {
      proxy_pass http://orgwiki;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      # The tenant is the Host header, port included ($host would drop the port).
      proxy_set_header Host $http_host;
      # Appended to: the instances trust one hop (TRUSTED_PROXY_HOPS=1), so they take the address nginx
      # heard from as the client's and ignore whatever the client wrote before it.
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Real-IP $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      # An instance that refuses or drops the connection: try the next one. A request that
      # reached an instance and timed out is not sent again (it may have changed something).
      proxy_next_upstream error;
      proxy_next_upstream_tries ${site.instancePorts.length};
      proxy_connect_timeout 2s;
      proxy_read_timeout 120s;
      # Which instance answered (every one tried, in order), so tests can see the spread.
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}
