import { describeLaunchTypes, outcomeUnlessOs, runsOn, runsOnlyOn, taskPlatform } from '../../../lib/checks/model/ecs-platform';
import { Opaque } from '../../../lib/checks/model/opaque';

const LINUX_ASSUMED = 'Linux assumed: RuntimePlatform.OperatingSystemFamily is not set and nothing indicates Windows';

function osOf(properties: Record<string, unknown>): { os: unknown; osBasis: string; osInferred: boolean } {
  const { os, osBasis, osInferred } = taskPlatform(properties);
  return { os, osBasis, osInferred };
}

function withImage(image: unknown): Record<string, unknown> {
  return { ContainerDefinitions: [{ Name: 'app', Image: image }] };
}

describe('taskPlatform: operating system stated by RuntimePlatform', () => {
  test('LINUX is stated, not inferred', () => {
    expect(osOf({ RuntimePlatform: { OperatingSystemFamily: 'LINUX' } })).toEqual({
      os: 'linux',
      osBasis: 'RuntimePlatform.OperatingSystemFamily is LINUX',
      osInferred: false,
    });
  });

  test('any WINDOWS_* family is Windows, whatever its case', () => {
    expect(osOf({ RuntimePlatform: { OperatingSystemFamily: 'WINDOWS_SERVER_2019_CORE' } })).toEqual({
      os: 'windows',
      osBasis: 'RuntimePlatform.OperatingSystemFamily is WINDOWS_SERVER_2019_CORE',
      osInferred: false,
    });
    expect(osOf({ runtimePlatform: { operatingSystemFamily: 'windows_server_2022_full' } })).toEqual({
      os: 'windows',
      osBasis: 'RuntimePlatform.OperatingSystemFamily is windows_server_2022_full',
      osInferred: false,
    });
  });

  test('a family that only contains WINDOWS later on is not Windows', () => {
    expect(osOf({ RuntimePlatform: { OperatingSystemFamily: 'NOT_WINDOWS' } }).os).toBe('linux');
  });

  test('a stated family wins over Windows evidence in the containers', () => {
    expect(osOf({ RuntimePlatform: { OperatingSystemFamily: 'LINUX' }, ...withImage('mcr.microsoft.com/windows/servercore:ltsc2019') })).toEqual({
      os: 'linux',
      osBasis: 'RuntimePlatform.OperatingSystemFamily is LINUX',
      osInferred: false,
    });
  });

  test('an unresolvable family is the OS itself, stated (not inferred)', () => {
    const family = new Opaque('parameter', '<OsFamily>', { target: 'OsFamily', reason: 'parameter OsFamily has no default' });
    expect(osOf({ RuntimePlatform: { OperatingSystemFamily: family } })).toEqual({
      os: family,
      osBasis: 'RuntimePlatform.OperatingSystemFamily is <OsFamily>',
      osInferred: false,
    });
  });

  test('an unresolvable RuntimePlatform is the OS itself, stated (not inferred)', () => {
    const platform = new Opaque('import', '<ImportValue:platform>', { reason: 'imported' });
    expect(osOf({ RuntimePlatform: platform })).toEqual({ os: platform, osBasis: 'RuntimePlatform is <ImportValue:platform>', osInferred: false });
  });

  test('a malformed RuntimePlatform is unresolvable', () => {
    const result = osOf({ RuntimePlatform: 'LINUX' });
    expect(result.os).toBeInstanceOf(Opaque);
    expect(result.osBasis).toBe('RuntimePlatform is "LINUX"');
    expect(result.osInferred).toBe(false);
  });
});

describe('taskPlatform: operating system inferred', () => {
  test('nothing stated and no evidence: Linux is assumed', () => {
    expect(osOf({})).toEqual({ os: 'linux', osBasis: LINUX_ASSUMED, osInferred: true });
    expect(osOf({ RuntimePlatform: { CpuArchitecture: 'ARM64' } })).toEqual({ os: 'linux', osBasis: LINUX_ASSUMED, osInferred: true });
  });

  test.each([
    ['mcr.microsoft.com/windows/servercore:ltsc2019'],
    ['MCR.Microsoft.com/Windows/nanoserver'],
    ['mcr.microsoft.com/dotnet/framework/aspnet:4.8'],
    ['example.com/app:windowsservercore-1809'],
    ['example.com/app-nanoserver:1'],
    ['example.com/app:ltsc2022'],
  ])('the Windows-only image %s is evidence of Windows', (image) => {
    expect(osOf(withImage(image))).toEqual({ os: 'windows', osBasis: `Windows inferred (no RuntimePlatform) from the Windows image ${image}`, osInferred: true });
  });

  test.each([
    ['example.com/mcr.microsoft.com/windows'],
    ['mcr.microsoft.com/dotnet/aspnet:8.0'],
    ['example.com/appnanoserver:1'],
    ['example.com/app:ltsc2022x'],
    ['example.com/app:ltsc20'],
    ['nginx:latest'],
  ])('the image %s is not evidence of Windows', (image) => {
    expect(osOf(withImage(image))).toEqual({ os: 'linux', osBasis: LINUX_ASSUMED, osInferred: true });
  });

  test('an unresolvable image is not evidence', () => {
    expect(osOf(withImage(new Opaque('composite', '<Repo>:windowsservercore', { parts: [new Opaque('ref', '<Repo>'), ':windowsservercore'] }))).os).toBe('linux');
  });

  test('a Windows-only user is evidence, shown as written', () => {
    expect(osOf({ ContainerDefinitions: [{ Image: 'app', User: 'ContainerAdministrator' }] })).toEqual({
      os: 'windows',
      osBasis: 'Windows inferred (no RuntimePlatform) from the Windows-only user ContainerAdministrator',
      osInferred: true,
    });
    expect(osOf({ ContainerDefinitions: [{ User: 'containeruser' }] }).osBasis).toBe('Windows inferred (no RuntimePlatform) from the Windows-only user containeruser');
    expect(osOf({ ContainerDefinitions: [{ User: 'root' }] }).os).toBe('linux');
    expect(osOf({ ContainerDefinitions: [{ User: new Opaque('parameter', '<User>') }] }).os).toBe('linux');
  });

  test('the image is looked at before the user, and containers in order', () => {
    expect(osOf({ ContainerDefinitions: [{ Image: 'mcr.microsoft.com/windows/nanoserver', User: 'ContainerUser' }] }).osBasis).toBe(
      'Windows inferred (no RuntimePlatform) from the Windows image mcr.microsoft.com/windows/nanoserver',
    );
    expect(osOf({ ContainerDefinitions: [{ Image: 'nginx' }, { User: 'ContainerUser' }, { Image: 'mcr.microsoft.com/windows' }] }).osBasis).toBe(
      'Windows inferred (no RuntimePlatform) from the Windows-only user ContainerUser',
    );
  });

  test('unresolvable container lists and entries are skipped', () => {
    expect(osOf({ ContainerDefinitions: new Opaque('import', '<ImportValue:c>') }).os).toBe('linux');
    expect(osOf({ ContainerDefinitions: [new Opaque('unsupported', '<If:C>'), null, { User: 'ContainerUser' }] }).os).toBe('windows');
  });

  test('an FSx for Windows File Server volume is evidence; other volumes are not', () => {
    expect(osOf({ Volumes: [{ Name: 'a' }, { Name: 'fsx', FSxWindowsFileServerVolumeConfiguration: { FileSystemId: 'fs-1' } }] })).toEqual({
      os: 'windows',
      osBasis: 'Windows inferred (no RuntimePlatform) from an FSx for Windows File Server volume',
      osInferred: true,
    });
    expect(osOf({ Volumes: [{ Name: 'a', EFSVolumeConfiguration: { FilesystemId: 'fs-1' } }] }).os).toBe('linux');
    expect(osOf({ Volumes: [new Opaque('unsupported', '<If:C>'), null] }).os).toBe('linux');
    expect(osOf({ Volumes: new Opaque('import', '<ImportValue:v>') }).os).toBe('linux');
  });

  test('container evidence is reported before volume evidence', () => {
    expect(osOf({ Volumes: [{ FSxWindowsFileServerVolumeConfiguration: {} }], ContainerDefinitions: [{ User: 'ContainerUser' }] }).osBasis).toBe(
      'Windows inferred (no RuntimePlatform) from the Windows-only user ContainerUser',
    );
  });
});

describe('taskPlatform: launch types', () => {
  test('absent RequiresCompatibilities means EC2, not declared', () => {
    const platform = taskPlatform({});
    expect(platform.launchTypes).toEqual(['EC2']);
    expect(platform.launchTypesDeclared).toBe(false);
    expect(taskPlatform({ RequiresCompatibilities: null }).launchTypesDeclared).toBe(false);
  });

  test('declared launch types are upper-cased, deduplicated and kept in order', () => {
    const platform = taskPlatform({ requiresCompatibilities: ['fargate', 'EC2', 'FARGATE', 'external', 'MANAGED_INSTANCES'] });
    expect(platform.launchTypes).toEqual(['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES']);
    expect(platform.launchTypesDeclared).toBe(true);
  });

  test('unknown and null entries are ignored; nothing usable means EC2, still declared', () => {
    expect(taskPlatform({ RequiresCompatibilities: ['LAMBDA', null, 'FARGATE'] }).launchTypes).toEqual(['FARGATE']);
    const none = taskPlatform({ RequiresCompatibilities: [] });
    expect(none.launchTypes).toEqual(['EC2']);
    expect(none.launchTypesDeclared).toBe(true);
    expect(taskPlatform({ RequiresCompatibilities: ['BOGUS'] }).launchTypes).toEqual(['EC2']);
  });

  test('an unresolvable list or entry makes the launch types unresolvable', () => {
    const list = new Opaque('parameter', '<Compat>');
    expect(taskPlatform({ RequiresCompatibilities: list })).toMatchObject({ launchTypes: list, launchTypesDeclared: true });
    const entry = new Opaque('parameter', '<Launch>');
    expect(taskPlatform({ RequiresCompatibilities: ['FARGATE', entry] })).toMatchObject({ launchTypes: entry, launchTypesDeclared: true });
  });

  test('a scalar where the list belongs is unresolvable', () => {
    const platform = taskPlatform({ RequiresCompatibilities: 'FARGATE' });
    expect(platform.launchTypes).toBeInstanceOf(Opaque);
    expect((platform.launchTypes as Opaque).display).toBe('"FARGATE"');
    expect(platform.launchTypesDeclared).toBe(true);
  });
});

describe('outcomeUnlessOs', () => {
  test('undefined when the task runs the rule\'s OS', () => {
    expect(outcomeUnlessOs(taskPlatform({}), 'linux')).toBeUndefined();
    expect(outcomeUnlessOs(taskPlatform({ RuntimePlatform: { OperatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } }), 'windows', 'Container::a')).toBeUndefined();
  });

  test('not applicable on the other OS, repeating how the OS was decided', () => {
    expect(outcomeUnlessOs(taskPlatform({}), 'windows')).toEqual({
      status: 'not-applicable',
      key: '',
      message: `Applies to Windows containers only; ${LINUX_ASSUMED}.`,
      container: undefined,
    });
    expect(outcomeUnlessOs(taskPlatform({ RuntimePlatform: { OperatingSystemFamily: 'WINDOWS_SERVER_2019_FULL' } }), 'linux', 'Container::a')).toEqual({
      status: 'not-applicable',
      key: 'Container::a',
      message: 'Applies to Linux containers only; RuntimePlatform.OperatingSystemFamily is WINDOWS_SERVER_2019_FULL.',
      container: undefined,
    });
  });

  test('unverified when the OS cannot be determined, with the reason or "unresolved"', () => {
    const withReason = taskPlatform({ RuntimePlatform: { OperatingSystemFamily: new Opaque('parameter', '<Os>', { reason: 'parameter Os has no default' }) } });
    expect(outcomeUnlessOs(withReason, 'linux', 'k')).toEqual({
      status: 'unverified',
      key: 'k',
      message: 'The operating system cannot be determined (RuntimePlatform.OperatingSystemFamily is <Os>: parameter Os has no default).',
      container: undefined,
    });
    const withoutReason = taskPlatform({ RuntimePlatform: new Opaque('unsupported', '<If:C>') });
    expect(outcomeUnlessOs(withoutReason, 'windows')).toEqual({
      status: 'unverified',
      key: '',
      message: 'The operating system cannot be determined (RuntimePlatform is <If:C>: unresolved).',
      container: undefined,
    });
  });
});

describe('runsOn, runsOnlyOn and describeLaunchTypes', () => {
  test('runsOn is true only for a listed launch type', () => {
    const platform = taskPlatform({ RequiresCompatibilities: ['FARGATE', 'EC2'] });
    expect(runsOn(platform, 'FARGATE')).toBe(true);
    expect(runsOn(platform, 'EC2')).toBe(true);
    expect(runsOn(platform, 'EXTERNAL')).toBe(false);
    expect(runsOn(taskPlatform({}), 'EC2')).toBe(true);
    expect(runsOn(taskPlatform({}), 'FARGATE')).toBe(false);
  });

  test('runsOnlyOn is true only when every launch type is allowed', () => {
    const platform = taskPlatform({ RequiresCompatibilities: ['FARGATE', 'EC2'] });
    expect(runsOnlyOn(platform, 'FARGATE')).toBe(false);
    expect(runsOnlyOn(platform, 'EC2', 'FARGATE')).toBe(true);
    expect(runsOnlyOn(taskPlatform({ RequiresCompatibilities: ['FARGATE'] }), 'FARGATE')).toBe(true);
  });

  test('unresolvable launch types run on nothing for sure', () => {
    const platform = taskPlatform({ RequiresCompatibilities: new Opaque('parameter', '<Compat>') });
    expect(runsOn(platform, 'FARGATE')).toBe(false);
    expect(runsOnlyOn(platform, 'FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES')).toBe(false);
  });

  test('describeLaunchTypes says when RequiresCompatibilities is not set', () => {
    expect(describeLaunchTypes(taskPlatform({}))).toBe('EC2 (RequiresCompatibilities not set)');
    expect(describeLaunchTypes(taskPlatform({ RequiresCompatibilities: ['FARGATE', 'EC2'] }))).toBe('FARGATE, EC2');
    expect(describeLaunchTypes(taskPlatform({ RequiresCompatibilities: [] }))).toBe('EC2');
    expect(describeLaunchTypes(taskPlatform({ RequiresCompatibilities: new Opaque('parameter', '<Compat>') }))).toBe('unknown launch types (<Compat>)');
  });
});
