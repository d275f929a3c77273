// The mongodb-init Job, as the administrator: adds the members of MONGODB_HOSTS that are not in the set yet, then
// creates or updates one user per context database (readWrite on that database only) and the backup user, with the
// passwords of the mongodb-users Secret (files under /var/run/secrets/mongodb-users). Safe to run again: it sets the
// current passwords, so it is also how a rotated password reaches MongoDB (docs/deployment.md).
const fs = require('fs');

const setName = process.env.MONGODB_REPLICA_SET;
const hosts = process.env.MONGODB_HOSTS.split(',');
const admin = encodeURIComponent(process.env.MONGODB_ADMIN_USER);
const adminPassword = encodeURIComponent(process.env.MONGODB_ADMIN_PASSWORD);
const secrets = '/var/run/secrets/mongodb-users';
const contexts = ['registry', 'classification', 'acceptance', 'incident'];

function retry(what, attempts, action) {
  for (let i = 1; ; i++) {
    try {
      return action();
    } catch (e) {
      if (i >= attempts) {
        throw new Error(`${what}: ${e.message}`);
      }
      print(`${what}: ${e.message}; again in 5 s (${i}/${attempts})`);
      sleep(5000);
    }
  }
}

function reachable(host) {
  try {
    const member = new Mongo(`mongodb://${host}/?directConnection=true&serverSelectionTimeoutMS=3000`);
    return member.getDB('admin').runCommand({ hello: 1 }).ok === 1;
  } catch (e) {
    return false;
  }
}

// the set and its administrator are created by member 0 when it first starts (first-member.js)
const client = retry('connecting as the administrator', 60, () => {
  const conn = new Mongo(`mongodb://${admin}:${adminPassword}@${hosts.join(',')}/admin?replicaSet=${setName}`
    + '&authSource=admin&serverSelectionTimeoutMS=5000');
  conn.getDB('admin').runCommand({ ping: 1 });
  return conn;
});
const adminDb = client.getDB('admin');

for (const host of hosts) {
  const config = adminDb.runCommand({ replSetGetConfig: 1 }).config;
  if (config.members.some((m) => m.host === host)) {
    continue;
  }
  retry(`waiting for ${host}`, 60, () => {
    if (!reachable(host)) {
      throw new Error('not reachable yet');
    }
  });
  retry(`adding ${host}`, 20, () => {
    const current = adminDb.runCommand({ replSetGetConfig: 1 }).config;
    if (current.members.some((m) => m.host === host)) {
      return;
    }
    const id = Math.max(...current.members.map((m) => m._id)) + 1;
    current.members.push({ _id: id, host });
    current.version += 1;
    const result = adminDb.runCommand({ replSetReconfig: current });
    if (result.ok !== 1) {
      throw new Error(result.errmsg);
    }
  });
  print(`added ${host} to ${setName}`);
}

function ensureUser(database, user, password, roles) {
  const target = client.getDB(database);
  if (target.getUser(user) === null) {
    target.createUser({ user, pwd: password, roles });
    print(`created user ${user} on ${database}`);
  } else {
    target.updateUser(user, { pwd: password, roles });
    print(`updated user ${user} on ${database}`);
  }
}

for (const context of contexts) {
  const password = fs.readFileSync(`${secrets}/${context}-password`, 'utf8').trim();
  ensureUser(context, context, password, [{ role: 'readWrite', db: context }]);
}
const backupPassword = fs.readFileSync(`${secrets}/backup-password`, 'utf8').trim();
ensureUser('admin', 'backup', backupPassword, [{ role: 'backup', db: 'admin' }, { role: 'clusterMonitor', db: 'admin' }]);
print('replica set and users configured');
