import { promises as fs } from 'fs';
import * as path from 'path';
import { AssemblyFiles, assemblyStacks } from './cloud-assembly';
import { asTemplate, looksLikeTemplate, templateProblem } from './cloudformation-template';
import { taskDefinitionBody, taskDefinitionLabel, taskDefinitionProblem, taskDefinitionTemplate } from './ecs-task-definition';
import { InputError } from './input-error';
import { ParsedDocument, parseDocument, UnparsableContentError } from './parse-document';
import { resourceLines } from './resource-lines';
import { CfnTemplate, TemplateSource } from '../model/template-model';

/** A template ready to check, with where it came from. */
export interface LoadedTemplate {
  readonly template: CfnTemplate;
  readonly source: TemplateSource;
  /** What the file was: a CloudFormation template (possibly from a cloud assembly) or an ECS task definition. */
  readonly kind: 'cloudformation' | 'task-definition';
  /** 1-based line of each resource's declaration in `source.file`. */
  readonly resourceLines: ReadonlyMap<string, number>;
}

/**
 * Reads one command-line path: a cloud assembly directory, a CloudFormation template (JSON or
 * YAML) or an ECS task definition (JSON), told apart by content. Throws {@link InputError}
 * naming the file and the reason for anything it cannot use.
 */
export async function loadInput(inputPath: string, cwd: string): Promise<LoadedTemplate[]> {
  const absolute = path.resolve(cwd, inputPath);
  const display = (p: string) => displayPath(p, cwd);
  const stat = await fs.stat(absolute).catch((error) => {
    throw new InputError(inputPath, describeFileSystemError(error));
  });
  if (stat.isDirectory()) return loadAssembly(absolute, cwd);
  if (!stat.isFile()) throw new InputError(inputPath, 'not a regular file or directory');

  const document = await readDocument(absolute, display(absolute));
  const value = document.value;
  if (looksLikeTemplate(value)) {
    const problem = templateProblem(value);
    if (problem) throw new InputError(display(absolute), problem);
    return [loaded(asTemplate(value), { file: display(absolute) }, 'cloudformation', document)];
  }
  const taskDefinition = taskDefinitionBody(value);
  if (taskDefinition) {
    const problem = taskDefinitionProblem(taskDefinition);
    if (problem) throw new InputError(display(absolute), problem);
    const template = taskDefinitionTemplate(value);
    return [loaded(template, { file: display(absolute), stack: taskDefinitionLabel(taskDefinition) }, 'task-definition', undefined)];
  }
  if (looksLikeAssemblyManifest(value)) return loadAssembly(path.dirname(absolute), cwd);
  throw new InputError(
    display(absolute),
    `${document.syntax} but neither a CloudFormation template (no Resources) nor an ECS task definition (no containerDefinitions)`,
  );
}

async function loadAssembly(directory: string, cwd: string): Promise<LoadedTemplate[]> {
  const files = assemblyFiles(cwd);
  const stacks = await assemblyStacks(directory, files);
  const result: LoadedTemplate[] = [];
  for (const stack of stacks) {
    const file = files.display(stack.templateFile);
    const document = await readDocument(stack.templateFile, file);
    if (!looksLikeTemplate(document.value)) throw new InputError(file, `${document.syntax} but not a CloudFormation template (no Resources)`);
    const problem = templateProblem(document.value);
    if (problem) throw new InputError(file, problem);
    const source: TemplateSource = { file, stack: stack.stackName, constructPaths: stack.constructPaths };
    result.push(loaded(asTemplate(document.value), source, 'cloudformation', document));
  }
  return result;
}

function loaded(template: CfnTemplate, source: TemplateSource, kind: LoadedTemplate['kind'], document: ParsedDocument | undefined): LoadedTemplate {
  const ids = Object.keys(template.Resources ?? {});
  const lines = document ? resourceLines(document.text, ids) : new Map(ids.map((id) => [id, 1] as [string, number]));
  return { template, source, kind, resourceLines: lines };
}

async function readDocument(absolute: string, display: string): Promise<ParsedDocument> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(absolute);
  } catch (error) {
    throw new InputError(display, describeFileSystemError(error));
  }
  try {
    return parseDocument(bytes);
  } catch (error) {
    if (error instanceof UnparsableContentError) throw new InputError(display, error.message);
    throw error;
  }
}

function assemblyFiles(cwd: string): AssemblyFiles {
  return {
    display: (p) => displayPath(p, cwd),
    exists: async (p) => fs.stat(p).then(() => true, () => false),
    readJson: async (p) => {
      const document = await readDocument(p, displayPath(p, cwd));
      if (document.syntax !== 'JSON') throw new InputError(displayPath(p, cwd), 'not JSON');
      return document.value;
    },
  };
}

function looksLikeAssemblyManifest(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && 'artifacts' in value && 'version' in value;
}

/** Paths are shown relative to where the command ran, with `/` separators (also what SARIF needs). */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return (relative === '' ? '.' : relative).split(path.sep).join('/');
}

function describeFileSystemError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return `unreadable: ${code} (permission denied)`;
    case 'EISDIR':
      return 'is a directory';
    default:
      return `unreadable: ${code ?? (error as Error)?.message ?? String(error)}`;
  }
}
