import * as fs from 'fs';
import { Stack } from 'aws-cdk-lib';
import { CfnTemplate, TemplateModel } from '../model/template-model';

/** The model of one stack's template, or why it could not be built. */
export type StackModel = { readonly model: TemplateModel; readonly error?: undefined } | { readonly model?: undefined; readonly error: string };

/**
 * The template models of one validation run, one per stack, built on first use.
 *
 * Rules read the synthesized template rather than L1 properties, so escape-hatch overrides
 * (`addPropertyOverride`) are seen. When CDK has written the templates (plugin mode) they are read
 * from disk: that is exactly what will be deployed. Otherwise (`validateScope` in tests) the stack
 * renders its template in memory, overrides included.
 *
 * A new instance is made for every run, so nothing can go stale between runs or leak across stacks.
 */
export class StackModels {
  private readonly models = new Map<Stack, StackModel>();

  /**
   * @param templateFiles stack construct path -> template file, when CDK has written the templates.
   *   Stacks that are not listed (and are not nested in a listed stack) are out of this run's scope.
   */
  constructor(private readonly templateFiles?: ReadonlyMap<string, string>) {}

  /** Whether a stack belongs to this run: always in `validateScope`; in plugin mode, only stacks CDK handed over. */
  inScope(stack: Stack): boolean {
    return !this.templateFiles || this.templateFiles.has(rootStackOf(stack).node.path);
  }

  modelOf(stack: Stack): StackModel {
    let entry = this.models.get(stack);
    if (!entry) {
      entry = this.build(stack);
      this.models.set(stack, entry);
    }
    return entry;
  }

  private build(stack: Stack): StackModel {
    // Nested stacks are not cloud assembly artifacts; their templates are assets, so render them.
    const file = this.templateFiles?.get(stack.node.path);
    let template: CfnTemplate;
    try {
      template = file ? JSON.parse(fs.readFileSync(file, 'utf8')) : renderTemplate(stack);
    } catch (error) {
      const source = file ? `read ${file}` : 'render it';
      return { error: `could not ${source} to check stack ${stack.node.path}: ${(error as Error)?.message ?? String(error)}` };
    }
    // No logical id -> construct path map: resolving a logical id hashes its construct path, and the
    // pack already resolves the id of each resource it checks. Display names come from the template's
    // `aws:cdk:path` metadata when CDK wrote it.
    return { model: new TemplateModel(template, { file, stack: stack.node.path }) };
  }
}

/**
 * Renders the template as synthesis would. `_toCloudFormation` is internal to aws-cdk-lib, but it is what
 * the synthesizer writes and it applies overrides; aspects only run during `app.synth()`, so tests that
 * depend on aspects should synthesize first (the rendered template then includes their changes).
 */
function renderTemplate(stack: Stack): CfnTemplate {
  const render = (stack as unknown as { _toCloudFormation?: () => CfnTemplate })._toCloudFormation;
  if (typeof render !== 'function') throw new Error('this aws-cdk-lib version cannot render a stack template in memory');
  return render.call(stack);
}

function rootStackOf(stack: Stack): Stack {
  let current = stack;
  while (current.nestedStackParent) current = current.nestedStackParent;
  return current;
}
