// Member 0 only, run by run-mongod.sh through the localhost exception (no user exists on a new set).
// 1. A new set (this member belongs to none, and no other member of MONGODB_HOSTS does): initiate it with this
//    member alone; the mongodb-init Job adds the others once they run.
// 2. No user yet: create the administrator (role root) from MONGODB_ADMIN_PASSWORD.
// Restarts find the set initiated and the localhost exception closed, and change nothing.
const setName = process.env.MONGODB_REPLICA_SET;
const hosts = process.env.MONGODB_HOSTS.split(',');
const self = hosts.find((host) => host.startsWith(`${process.env.HOSTNAME}.`));
if (self === undefined) {
  throw new Error(`MONGODB_HOSTS (${hosts}) does not name this member (${process.env.HOSTNAME})`);
}

function setOf(host) {
  try {
    const other = new Mongo(`mongodb://${host}/?directConnection=true&serverSelectionTimeoutMS=2000`);
    return other.getDB('admin').runCommand({ hello: 1 }).setName;
  } catch (e) {
    return undefined;
  }
}

if (db.hello().setName === undefined) {
  const member = hosts.filter((host) => host !== self).find((host) => setOf(host) === setName);
  if (member) {
    // this member's volume was replaced: the set re-admits it through its configuration and it syncs again
    print(`${self}: the set ${setName} already runs on ${member}; not initiating`);
    quit(0);
  }
  print(`${self}: initiating the replica set ${setName}`);
  rs.initiate({ _id: setName, members: [{ _id: 0, host: self }] });
}

for (let i = 0; i < 120 && !(db.hello().isWritablePrimary || db.hello().secondary); i++) {
  sleep(1000);
}

if (db.hello().isWritablePrimary) {
  try {
    db.getSiblingDB('admin').createUser({
      user: process.env.MONGODB_ADMIN_USER,
      pwd: process.env.MONGODB_ADMIN_PASSWORD,
      roles: [{ role: 'root', db: 'admin' }],
    });
    print(`${self}: created the administrator ${process.env.MONGODB_ADMIN_USER}`);
  } catch (e) {
    // 13: a user exists already, so the localhost exception is closed; 51003: the administrator exists
    if (e.code !== 13 && e.code !== 51003) {
      throw e;
    }
  }
}
